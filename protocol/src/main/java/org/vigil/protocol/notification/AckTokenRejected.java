package org.vigil.protocol.notification;

/**
 * An acknowledgement token that is malformed, altered, signed with another key, or
 * expired.
 */
public class AckTokenRejected extends RuntimeException {

	private final boolean expired;

	public AckTokenRejected(String message, boolean expired) {
		super(message);
		this.expired = expired;
	}

	/** Whether the token was genuine but too old. */
	public boolean expired() {
		return this.expired;
	}

}
