package org.vigil.dispatcher.escalation;

/**
 * Where a request's ladder stands.
 */
public enum LadderStatus {

	/** A step of the receiving contact point's policy is paging and waiting. */
	ALERTING,

	/** Every step passed; the network coordinator is being paged. */
	EXHAUSTED,

	/**
	 * Someone took charge; the ladder stopped, and the alert comes back if no answer
	 * follows in time.
	 */
	ACKNOWLEDGED,

	/** The requested Party asked the requester for more; it waits for the requester. */
	AWAITING_INFORMATION,

	/** The data is preserved until a date; the requester is reminded before it lapses. */
	PRESERVED,

	/** Nothing more is owed on the request. */
	CLOSED;

	/** Whether people are being paged: an acknowledgement or an escalation applies. */
	public boolean paging() {
		return this == ALERTING || this == EXHAUSTED;
	}

	/** Whether a timer is pending in this state. */
	public boolean timed() {
		return this != AWAITING_INFORMATION && this != CLOSED;
	}

}
