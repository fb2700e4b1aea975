package org.vigil.gateway.status;

/**
 * Where a request stands, as the console shows it.
 */
public enum RequestState {

	/** Accepted by the network, not yet routed. */
	SUBMITTED,

	/** The dispatcher took charge and fixed the ladder. */
	ROUTED,

	/** Officers of the requested Party are being paged. */
	ALERTED,

	/**
	 * Every step passed without acknowledgement; the network coordinator is being paged.
	 */
	EXHAUSTED,

	/** A named officer took charge; an answer is due. */
	ACKNOWLEDGED,

	/** The requested Party asked the requester for more information. */
	AWAITING_INFORMATION,

	/** The data is preserved until a date; a mutual-assistance request should follow. */
	PRESERVED,

	/** Nothing more is owed: disclosed, refused, or the preservation lapsed. */
	CLOSED

}
