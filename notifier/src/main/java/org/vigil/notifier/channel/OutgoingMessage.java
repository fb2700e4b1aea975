package org.vigil.notifier.channel;

import java.util.Objects;

import org.vigil.directory.notification.PushKeys;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.DeliveryKey;

/**
 * One message, ready for a channel.
 *
 * @param reference the message's key ({@link DeliveryKey#value()}, or a direct message's
 * reference); providers get it as the idempotency key and reference
 * @param address the mailbox or phone number
 * @param subject the subject of an e-mail; channels without one ignore it
 * @param text what to send, or to speak on a call
 * @param ackUrl the one-time acknowledgement link the text carries
 * @param urgency the request's urgency; null where the channel does not need it
 * @param from the requesting Party; null where the channel does not need it
 * @param push the subscription's keys for push; null for other channels
 */
public record OutgoingMessage(String reference, String address, String subject, String text, String ackUrl,
		Urgency urgency, CountryCode from, PushKeys push) {

	public OutgoingMessage {
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(text, "text");
	}

	/** A message for a channel that needs neither urgency, origin nor push keys. */
	public OutgoingMessage(String reference, String address, String subject, String text, String ackUrl) {
		this(reference, address, subject, text, ackUrl, null, null, null);
	}

	/** A message of a page. */
	public OutgoingMessage(DeliveryKey key, String address, String subject, String text, String ackUrl) {
		this(key.value(), address, subject, text, ackUrl);
	}

	/** A message of a page, with what push needs. */
	public OutgoingMessage(DeliveryKey key, String address, String subject, String text, String ackUrl, Urgency urgency,
			CountryCode from, PushKeys push) {
		this(key.value(), address, subject, text, ackUrl, urgency, from, push);
	}

}
