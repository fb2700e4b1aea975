package org.vigil.protocol.notification;

import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * One message the network owes: to one officer, by one channel, for one step of one
 * request. It is also the message's idempotency key: planning it twice plans one message,
 * and providers are handed it so that they can drop a repeated send.
 *
 * @param requestId the request
 * @param step the ladder step that paged the officer
 * @param officer whom
 * @param channel how
 */
public record DeliveryKey(RequestId requestId, int step, OfficerId officer, ContactChannel channel) {

	public DeliveryKey {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(channel, "channel");
		if (step < 1) {
			throw new IllegalArgumentException("steps count from 1");
		}
	}

	/** {@code <request>/<step>/<officer>/<channel>}: none of the parts holds a '/'. */
	public String value() {
		return this.requestId.value() + "/" + this.step + "/" + this.officer.value() + "/" + this.channel.name();
	}

	/**
	 * Reads {@link #value()}.
	 * @throws IllegalArgumentException if it is not one
	 */
	public static DeliveryKey parse(String value) {
		String[] parts = value.split("/", -1);
		if (parts.length != 4) {
			throw new IllegalArgumentException("not a delivery key: " + value);
		}
		try {
			return new DeliveryKey(RequestId.of(parts[0]), Integer.parseInt(parts[1]), OfficerId.of(parts[2]),
					ContactChannel.valueOf(parts[3]));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a delivery key: " + value, ex);
		}
	}

	@Override
	public String toString() {
		return value();
	}

}
