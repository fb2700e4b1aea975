package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The officer who acknowledged asked to be alerted again at {@code until} rather than
 * when the time to respond runs out.
 *
 * @param by who snoozed
 * @param until when the alert comes back
 * @param snoozesLeft how many more snoozes the request allows
 */
public record AcknowledgementSnoozed(RequestId requestId, long sequence, Instant at, OfficerId by, Instant until,
		int snoozesLeft) implements RequestEvent {

	public AcknowledgementSnoozed {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(until, "until");
	}

}
