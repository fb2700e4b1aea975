package org.vigil.dispatcher.escalation;

import java.time.Duration;
import java.util.Objects;

import org.vigil.protocol.Urgency;

/**
 * What a request is owed after it is acknowledged, snapshotted when it is routed like the
 * policy's steps, so a later change of defaults does not move a running request.
 *
 * @param respondWithin how long the officer who acknowledged has to answer before the
 * alert comes back
 * @param snoozeBound the longest single snooze
 * @param maxSnoozes how many snoozes a request allows in all
 * @param preservationPeriod how long data is preserved when the officer names no date
 * (Art. 29(7): at least 60 days)
 * @param reminderLead how long before a preservation lapses the requester is reminded
 */
public record Terms(Duration respondWithin, Duration snoozeBound, int maxSnoozes, Duration preservationPeriod,
		Duration reminderLead) {

	/** Art. 29(7): "not less than sixty days". */
	public static final Duration DEFAULT_PRESERVATION_PERIOD = Duration.ofDays(60);

	/**
	 * Two weeks leave the requester time to draft and send a mutual-assistance request or
	 * ask for an extension.
	 */
	public static final Duration DEFAULT_REMINDER_LEAD = Duration.ofDays(14);

	/** Three snoozes: enough to finish a call, too few to forget a request. */
	public static final int DEFAULT_MAX_SNOOZES = 3;

	public Terms {
		Objects.requireNonNull(respondWithin, "respondWithin");
		Objects.requireNonNull(snoozeBound, "snoozeBound");
		Objects.requireNonNull(preservationPeriod, "preservationPeriod");
		Objects.requireNonNull(reminderLead, "reminderLead");
	}

	public Terms withPreservationPeriod(Duration period) {
		return new Terms(this.respondWithin, this.snoozeBound, this.maxSnoozes, period, this.reminderLead);
	}

	/** The network's defaults for an urgency class. */
	public static Terms defaults(Urgency urgency) {
		return new Terms(urgency.defaultResponseDeadline(), urgency.snoozeBound(), DEFAULT_MAX_SNOOZES,
				DEFAULT_PRESERVATION_PERIOD, DEFAULT_REMINDER_LEAD);
	}

}
