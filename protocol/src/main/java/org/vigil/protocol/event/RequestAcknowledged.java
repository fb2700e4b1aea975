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
 */
public record RequestAcknowledged(RequestId requestId, long sequence, Instant at, OfficerId by, int step,
		boolean wasPaged, boolean late) implements RequestEvent {

	public RequestAcknowledged {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
	}

}
