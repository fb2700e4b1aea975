package org.vigil.notifier.channel;

import java.util.Objects;

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
 */
public record OutgoingMessage(String reference, String address, String subject, String text, String ackUrl) {

	public OutgoingMessage {
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(text, "text");
	}

	/** A message of a page. */
	public OutgoingMessage(DeliveryKey key, String address, String subject, String text, String ackUrl) {
		this(key.value(), address, subject, text, ackUrl);
	}

}
