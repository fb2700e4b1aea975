package org.vigil.protocol.notification;

/**
 * What became of one message to one officer by one channel.
 */
public enum DeliveryStatus {

	/** Planned, with the time it is due; not handed to a provider yet. */
	QUEUED,

	/** The provider (SMTP relay, SMS or voice provider) accepted it. */
	SENT,

	/** The provider reported it reached the handset or the call was answered. */
	DELIVERED,

	/**
	 * Refused, undeliverable, or not confirmed in time; the next channel is tried at
	 * once.
	 */
	FAILED,

	/** Not sent because the request was acknowledged, closed or escalated first. */
	CANCELLED;

	/** Whether nothing more will happen to the message. */
	public boolean isFinal() {
		return this == DELIVERED || this == FAILED || this == CANCELLED;
	}

}
