package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.notification.ContactChannel;

/**
 * An officer says "I have this": the ladder stops.
 *
 * @param requestId the request acknowledged
 * @param officer who acknowledged
 * @param acceptedAt when the gateway accepted the acknowledgement
 * @param via how the officer acknowledged: in the console, or by the link or reply code
 * of a message; {@link ContactChannel#CONSOLE} in commands written before channels
 */
public record AcknowledgeRequest(RequestId requestId, OfficerId officer, Instant acceptedAt,
		ContactChannel via) implements DispatchCommand {

	public AcknowledgeRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
		via = (via != null) ? via : ContactChannel.CONSOLE;
	}

	/** An acknowledgement in the console. */
	public AcknowledgeRequest(RequestId requestId, OfficerId officer, Instant acceptedAt) {
		this(requestId, officer, acceptedAt, ContactChannel.CONSOLE);
	}

}
