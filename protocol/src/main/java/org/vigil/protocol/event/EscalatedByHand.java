package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * Someone moved the ladder on before its deadline. The next step's deadline is planned
 * from this instant.
 *
 * @param by who escalated
 * @param fromStep the step that was paging
 * @param toStep the step that pages next
 */
public record EscalatedByHand(RequestId requestId, long sequence, Instant at, OfficerId by, int fromStep,
		int toStep) implements RequestEvent {

	public EscalatedByHand {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
	}

}
