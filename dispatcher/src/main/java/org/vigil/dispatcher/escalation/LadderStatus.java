package org.vigil.dispatcher.escalation;

/**
 * Where a request's ladder stands.
 */
public enum LadderStatus {

	/** A step of the receiving contact point's policy is paging and waiting. */
	ALERTING,

	/** Every step passed; the network coordinator is being paged. */
	EXHAUSTED,

	/** Someone took charge; the ladder stopped. */
	ACKNOWLEDGED

}
