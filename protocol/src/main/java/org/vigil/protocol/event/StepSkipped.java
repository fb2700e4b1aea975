package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.RequestId;

/**
 * A ladder step found nobody to page, so it was passed over at once rather than waited
 * out.
 */
public record StepSkipped(RequestId requestId, long sequence, Instant at, int step,
		String reason) implements RequestEvent {

	public StepSkipped {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(reason, "reason");
	}

}
