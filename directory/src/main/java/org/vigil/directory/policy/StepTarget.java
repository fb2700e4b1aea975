package org.vigil.directory.policy;

/**
 * Whom a step of an escalation policy pages.
 */
public enum StepTarget {

	/** The officer on call in the contact point's rotation. */
	PRIMARY_ON_CALL,

	/** The officer backing up the primary: the next in the rotation. */
	SECONDARY_ON_CALL,

	/** Every supervisor of the contact point. */
	SUPERVISORS

}
