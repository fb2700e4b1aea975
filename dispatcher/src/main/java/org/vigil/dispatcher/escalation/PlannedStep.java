package org.vigil.dispatcher.escalation;

import java.time.Duration;
import java.util.Objects;

import org.vigil.directory.policy.StepTarget;

/**
 * A step of the policy as snapshotted into a request when it was routed.
 *
 * @param target whom it pages
 * @param acknowledgeWithin for this request's urgency
 */
public record PlannedStep(StepTarget target, Duration acknowledgeWithin) {

	public PlannedStep {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(acknowledgeWithin, "acknowledgeWithin");
	}

}
