package org.vigil.directory.policy;

import java.util.List;

import org.vigil.protocol.OfficerId;

/**
 * The ordered steps a request to a contact point climbs until someone acknowledges; the
 * whole ladder is climbed {@code 1 + repeats} times, then the network coordinator is
 * paged.
 *
 * @param version increases with every edit; a request records the version it was routed
 * with
 * @param steps at least one
 * @param repeats how many more times the whole ladder is climbed before the coordinator;
 * 0 when absent
 */
public record EscalationPolicy(long version, List<EscalationStep> steps, Integer repeats) {

	public EscalationPolicy {
		steps = List.copyOf(steps);
		repeats = (repeats != null) ? repeats : 0;
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("an escalation policy has at least one step");
		}
		if (repeats < 0) {
			throw new IllegalArgumentException("a ladder repeats zero or more times");
		}
	}

	/** A policy climbed once. */
	public EscalationPolicy(long version, List<EscalationStep> steps) {
		this(version, steps, 0);
	}

	/** Every officer a step names, for checking that the contact point has them. */
	public List<OfficerId> namedOfficers() {
		return this.steps.stream().flatMap((step) -> step.target().officers().stream()).distinct().toList();
	}

}
