package org.vigil.directory.policy;

import java.util.List;

/**
 * The ordered steps a request to a contact point climbs until someone acknowledges; after
 * the last, the network coordinator is paged.
 *
 * @param version increases with every edit; a request records the version it was routed
 * with
 * @param steps at least one
 */
public record EscalationPolicy(long version, List<EscalationStep> steps) {

	public EscalationPolicy {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("an escalation policy has at least one step");
		}
	}

}
