package org.vigil.directory.roster;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns a local wall-clock time into the instant a hand-off happens, by the network's
 * written rules (docs/directory.md):
 * <ul>
 * <li>in an overlap (clocks go back), the hand-off happens at the <em>first</em>
 * occurrence of the wall time;</li>
 * <li>in a gap (clocks go forward), it happens at the first instant after the gap, which
 * is the transition itself.</li>
 * </ul>
 * {@link java.time.ZonedDateTime} would instead push a time in a gap forward by the
 * length of the gap, so a 02:30 hand-off on a spring-forward night would happen at 03:30,
 * half an hour into the next shift's morning.
 */
public final class WallClock {

	private WallClock() {
	}

	public static Instant handoffInstant(LocalDateTime local, ZoneId zone) {
		ZoneRules rules = zone.getRules();
		List<ZoneOffset> offsets = rules.getValidOffsets(local);
		if (offsets.isEmpty()) {
			return rules.getTransition(local).getInstant();
		}
		Instant first = null;
		for (ZoneOffset offset : offsets) {
			Instant candidate = local.toInstant(offset);
			if (first == null || candidate.isBefore(first)) {
				first = candidate;
			}
		}
		return first;
	}

}
