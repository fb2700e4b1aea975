package org.vigil.directory.roster;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A rotation stacked above a contact point's base rotation: where it is in force it
 * decides who is on call, e.g. a weekend layer over the weekday duty. Layers listed later
 * sit higher and win over earlier ones.
 *
 * @param name what the roster calls it
 * @param rotation who is on call while it is in force
 * @param windows when it is in force, in local wall-clock time; empty for always
 */
public record Layer(String name, Rotation rotation, List<TimeWindow> windows) {

	public Layer {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(rotation, "rotation");
		windows = (windows != null) ? List.copyOf(windows) : List.of();
	}

	public boolean inForce(Instant instant, ZoneId zone) {
		return this.windows.isEmpty() || this.windows.stream().anyMatch((window) -> window.covers(instant, zone));
	}

}
