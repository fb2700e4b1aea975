package org.vigil.notifier.channel;

import org.vigil.protocol.notification.ContactChannel;

/**
 * A way to send a message. Implementations are thread-safe, and report a refusal or an
 * unreachable provider as a failed {@link SendOutcome} rather than throw: every failure
 * hands the page to the officer's next channel at once.
 */
public interface Channel {

	ContactChannel kind();

	SendOutcome send(OutgoingMessage message);

	/**
	 * Whether the provider reports later that a message reached the person (a delivery
	 * receipt); if so, a message without one in time counts as failed.
	 */
	boolean hasReceipts();

}
