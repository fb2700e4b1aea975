package org.vigil.dispatcher.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vigil.protocol.event.RequestEvent;

/**
 * What one input did to a ladder.
 *
 * @param ladder the ladder afterwards
 * @param events what to publish, in order; empty when the input changed nothing
 * @param nextDeadline when the ladder must be woken next, or empty when it waits for
 * nothing
 */
public record Decision(Ladder ladder, List<RequestEvent> events, Optional<Instant> nextDeadline) {

	public Decision {
		events = List.copyOf(events);
	}

	static Decision unchanged(Ladder ladder) {
		return new Decision(ladder, List.of(), ladder.pendingDeadline());
	}

	public boolean changed() {
		return !this.events.isEmpty();
	}

}
