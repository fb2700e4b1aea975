package org.vigil.directory.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.vigil.protocol.Urgency;

/**
 * One rung of the ladder.
 *
 * @param target whom it pages
 * @param acknowledgeWithin how long they have to acknowledge, per urgency; an urgency
 * missing here uses {@link Urgency#defaultAcknowledgementDeadline()}
 */
public record EscalationStep(StepTarget target, Map<Urgency, Duration> acknowledgeWithin) {

	public EscalationStep {
		Objects.requireNonNull(target, "target");
		acknowledgeWithin = (acknowledgeWithin != null) ? Map.copyOf(acknowledgeWithin) : Map.of();
		acknowledgeWithin.forEach((urgency, within) -> {
			if (within.isNegative() || within.isZero()) {
				throw new IllegalArgumentException("a step gives a positive time to acknowledge");
			}
		});
	}

	public Duration acknowledgeWithin(Urgency urgency) {
		return this.acknowledgeWithin.getOrDefault(urgency, urgency.defaultAcknowledgementDeadline());
	}

}
