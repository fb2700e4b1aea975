package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.notification.ContactChannel;

/**
 * A named officer took charge of the request; the ladder stopped.
 *
 * @param step the step that was alerting when the acknowledgement came
 * @param wasPaged whether the officer was among those paged at that step
 * @param late whether it came after the officer's own step had already escalated
 * @param respondBy when the officer must answer before the alert comes back; null in
 * events written before answers were tracked
 * @param via how the officer acknowledged; {@link ContactChannel#CONSOLE} in events
 * written before channels
 */
public record RequestAcknowledged(RequestId requestId, long sequence, Instant at, OfficerId by, int step,
		boolean wasPaged, boolean late, Instant respondBy, ContactChannel via) implements RequestEvent {

	public RequestAcknowledged {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
		via = (via != null) ? via : ContactChannel.CONSOLE;
	}

	/** An acknowledgement in the console. */
	public RequestAcknowledged(RequestId requestId, long sequence, Instant at, OfficerId by, int step, boolean wasPaged,
			boolean late, Instant respondBy) {
		this(requestId, sequence, at, by, step, wasPaged, late, respondBy, ContactChannel.CONSOLE);
	}

}
