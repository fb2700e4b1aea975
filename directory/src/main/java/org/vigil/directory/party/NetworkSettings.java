package org.vigil.directory.party;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigil.protocol.Urgency;

/**
 * What holds for the whole network rather than one Party.
 *
 * @param coordinators the network coordinators, paged when a ladder is exhausted; never
 * empty
 * @param acknowledgeWithin how long a coordinator has to acknowledge before being paged
 * again, per urgency; an urgency missing here uses
 * {@link Urgency#defaultAcknowledgementDeadline()}
 */
public record NetworkSettings(List<Officer> coordinators, Map<Urgency, Duration> acknowledgeWithin) {

	public NetworkSettings {
		coordinators = List.copyOf(coordinators);
		acknowledgeWithin = (acknowledgeWithin != null) ? Map.copyOf(acknowledgeWithin) : Map.of();
		if (coordinators.isEmpty()) {
			throw new IllegalArgumentException("the network needs at least one coordinator");
		}
	}

	public Duration acknowledgeWithin(Urgency urgency) {
		Objects.requireNonNull(urgency, "urgency");
		return this.acknowledgeWithin.getOrDefault(urgency, urgency.defaultAcknowledgementDeadline());
	}

}
