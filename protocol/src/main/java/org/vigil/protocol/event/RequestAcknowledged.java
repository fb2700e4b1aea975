package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * A named officer took charge of the request; the ladder stopped.
 *
 * @param step the step that was alerting when the acknowledgement came
 * @param wasPaged whether the officer was among those paged at that step
 * @param late whether it came after the officer's own step had already escalated
 * @param respondBy when the officer must answer before the alert comes back; null in
 * events written before answers were tracked
 */
public record RequestAcknowledged(RequestId requestId, long sequence, Instant at, OfficerId by, int step,
		boolean wasPaged, boolean late, Instant respondBy) implements RequestEvent {

	public RequestAcknowledged {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
	}

}
