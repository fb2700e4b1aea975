package org.vigil.notifier.channel;

import java.util.Objects;

import org.vigil.directory.notification.PushKeys;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.DeliveryKey;

/**
 * One message, ready for a channel.
 *
 * @param key the message; providers get it as the idempotency key and reference
 * @param address the mailbox or phone number
 * @param subject the subject of an e-mail; channels without one ignore it
 * @param text what to send, or to speak on a call
 * @param ackUrl the one-time acknowledgement link the text carries
 * @param urgency the request's urgency; null where the channel does not need it
 * @param from the requesting Party; null where the channel does not need it
 * @param push the subscription's keys for push; null for other channels
 */
public record OutgoingMessage(DeliveryKey key, String address, String subject, String text, String ackUrl,
		Urgency urgency, CountryCode from, PushKeys push) {

	public OutgoingMessage {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(text, "text");
	}

	/** A message for a channel that needs neither urgency, origin nor push keys. */
	public OutgoingMessage(DeliveryKey key, String address, String subject, String text, String ackUrl) {
		this(key, address, subject, text, ackUrl, null, null, null);
	}

}
