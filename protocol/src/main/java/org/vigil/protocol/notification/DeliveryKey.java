package org.vigil.protocol.notification;

import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * One message the network owes: to one officer, by one channel, for one step of one
 * request, paged by one alert. It is also the message's idempotency key: planning it
 * twice (an alert read again) plans one message, and providers are handed it so that they
 * can drop a repeated send. The alert's fence tells apart the rare alerts that page the
 * same officer again at the same step (an acknowledgement left unanswered brings the
 * alert back): that is a new page, not a duplicate.
 *
 * @param requestId the request
 * @param step the ladder step that paged the officer
 * @param fence the fence of the alert that paged them
 * @param officer whom
 * @param channel how
 */
public record DeliveryKey(RequestId requestId, int step, long fence, OfficerId officer, ContactChannel channel) {

	public DeliveryKey {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(channel, "channel");
		if (step < 1) {
			throw new IllegalArgumentException("steps count from 1");
		}
		if (fence < 0) {
			throw new IllegalArgumentException("fences count from 0");
		}
	}

	/**
	 * {@code <request>/<step>.<fence>/<officer>/<channel>}: none of the parts holds a
	 * '/'.
	 */
	public String value() {
		return this.requestId.value() + "/" + this.step + "." + this.fence + "/" + this.officer.value() + "/"
				+ this.channel.name();
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
		String[] stepAndFence = parts[1].split("\\.", -1);
		if (stepAndFence.length != 2) {
			throw new IllegalArgumentException("not a delivery key: " + value);
		}
		try {
			return new DeliveryKey(RequestId.of(parts[0]), Integer.parseInt(stepAndFence[0]),
					Long.parseLong(stepAndFence[1]), OfficerId.of(parts[2]), ContactChannel.valueOf(parts[3]));
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
