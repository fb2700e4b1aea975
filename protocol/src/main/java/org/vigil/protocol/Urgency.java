package org.vigil.protocol;

import java.time.Duration;

/**
 * How soon a request must be acknowledged. The durations are the network's defaults; an
 * escalation policy may set its own per step.
 */
public enum Urgency {

	/**
	 * A significant and imminent risk to the life or safety of a person (Second Protocol,
	 * Art. 9).
	 */
	EMERGENCY(Duration.ofMinutes(10)),

	/** Data at risk of deletion. */
	URGENT(Duration.ofHours(1)),

	/** Preservation with no imminent loss. */
	ROUTINE(Duration.ofHours(12));

	private final Duration defaultAcknowledgementDeadline;

	Urgency(Duration defaultAcknowledgementDeadline) {
		this.defaultAcknowledgementDeadline = defaultAcknowledgementDeadline;
	}

	public Duration defaultAcknowledgementDeadline() {
		return this.defaultAcknowledgementDeadline;
	}

}
