package org.vigil.directory.party;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a contact point's office is staffed in its local wall-clock time; outside them it
 * is reached through the on-call officer only. Reference data: on-call routing does not
 * depend on it.
 *
 * @param days the working days; never empty
 * @param opens local opening time
 * @param closes local closing time, after {@code opens}
 */
public record OfficeHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

	public OfficeHours {
		days = Set.copyOf(days);
		Objects.requireNonNull(opens, "opens");
		Objects.requireNonNull(closes, "closes");
		if (days.isEmpty()) {
			throw new IllegalArgumentException("office hours name at least one day");
		}
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("an office closes after it opens");
		}
	}

}
