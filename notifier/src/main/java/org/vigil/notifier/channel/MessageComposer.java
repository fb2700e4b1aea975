package org.vigil.notifier.channel;

import java.util.Locale;

import org.vigil.notifier.queue.StoredDelivery;
import org.vigil.protocol.notification.ContactChannel;

/**
 * The words of a page, per channel. A message says what is asked of the officer and how
 * to acknowledge, never what the request is about: an SMS or a voicemail is no place for
 * the facts of a case.
 */
public final class MessageComposer {

	private MessageComposer() {
	}

	public static String subject(StoredDelivery delivery) {
		return drill(delivery) + "[Vigil] " + delivery.urgency() + " preservation request from " + delivery.from()
				+ " to " + delivery.to() + ": please acknowledge";
	}

	/**
	 * @param ackUrl the one-time acknowledgement link
	 * @param consoleUrl where the console is
	 */
	public static String text(StoredDelivery delivery, ContactChannel channel, String ackUrl, String consoleUrl) {
		String request = delivery.key().requestId().value();
		String urgency = delivery.urgency().name().toLowerCase(Locale.ROOT);
		return switch (channel) {
			case SMS -> drill(delivery) + "Vigil: " + delivery.urgency() + " request " + request + " from "
					+ delivery.from() + ". Acknowledge: " + ackUrl;
			case VOICE -> drill(delivery) + "This is Vigil. An " + urgency + " preservation request from "
					+ delivery.from() + " is waiting for you. Please acknowledge it in the console, "
					+ "or by the link in your text message or e-mail.";
			case PUSH -> drill(delivery) + "A " + urgency + " preservation request from " + delivery.from() + " ("
					+ request + ") is waiting for you. Open to acknowledge.";
			default -> drill(delivery) + "A " + urgency + " preservation request from " + delivery.from() + " to "
					+ delivery.to() + " (" + request + ") has paged you at step " + delivery.key().step()
					+ ".\n\nAcknowledge it (you will be asked to confirm):\n" + ackUrl
					+ "\n\nThe link works once and only for you. The request itself is in the console: " + consoleUrl
					+ "\n";
		};
	}

	private static String drill(StoredDelivery delivery) {
		return delivery.drill() ? "[DRILL] " : "";
	}

}
