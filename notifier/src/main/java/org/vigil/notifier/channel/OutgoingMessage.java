package org.vigil.notifier.channel;

import java.util.Objects;

import org.vigil.protocol.notification.DeliveryKey;

/**
 * One message, ready for a channel.
 *
 * @param key the message; providers get it as the idempotency key and reference
 * @param address the mailbox or phone number
 * @param subject the subject of an e-mail; channels without one ignore it
 * @param text what to send, or to speak on a call
 * @param ackUrl the one-time acknowledgement link the text carries
 */
public record OutgoingMessage(DeliveryKey key, String address, String subject, String text, String ackUrl) {

	public OutgoingMessage {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(text, "text");
	}

}
