package org.vigil.protocol;

import java.time.Duration;

/**
 * How soon a request must be acknowledged, and answered once acknowledged. The durations
 * are the network's defaults; an escalation policy may set its own per step.
 */
public enum Urgency {

	/**
	 * A significant and imminent risk to the life or safety of a person (Second Protocol,
	 * Art. 9).
	 */
	EMERGENCY(Duration.ofMinutes(10), Duration.ofHours(1)),

	/** Data at risk of deletion. */
	URGENT(Duration.ofHours(1), Duration.ofHours(12)),

	/** Preservation with no imminent loss. */
	ROUTINE(Duration.ofHours(12), Duration.ofDays(3));

	private final Duration defaultAcknowledgementDeadline;

	private final Duration defaultResponseDeadline;

	Urgency(Duration defaultAcknowledgementDeadline, Duration defaultResponseDeadline) {
		this.defaultAcknowledgementDeadline = defaultAcknowledgementDeadline;
		this.defaultResponseDeadline = defaultResponseDeadline;
	}

	public Duration defaultAcknowledgementDeadline() {
		return this.defaultAcknowledgementDeadline;
	}

	/**
	 * How long an officer who acknowledged has to answer before the alert comes back.
	 */
	public Duration defaultResponseDeadline() {
		return this.defaultResponseDeadline;
	}

	/**
	 * The longest single snooze: never longer than the time the request gives to
	 * acknowledge, so a snooze cannot hide a request longer than an unanswered page
	 * would.
	 */
	public Duration snoozeBound() {
		return this.defaultAcknowledgementDeadline;
	}

}
