package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.RequestId;

/**
 * Nobody acknowledged before the step's deadline, so the ladder moved on.
 *
 * @param missedDeadline the deadline that passed
 */
public record StepEscalated(RequestId requestId, long sequence, Instant at, int fromStep, int toStep,
		Instant missedDeadline) implements RequestEvent {

	public StepEscalated {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(missedDeadline, "missedDeadline");
	}

}
