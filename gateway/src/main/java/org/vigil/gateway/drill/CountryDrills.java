package org.vigil.gateway.drill;

import java.time.Instant;
import java.util.List;

/**
 * A Party's line in the drill report.
 *
 * @param country ISO 3166-1 alpha-2
 * @param partyName in English
 * @param drills how many drills the report covers
 * @param lastDrill when the latest started; null if none ever did
 * @param lastOutcome the latest drill's outcome; null if none
 * @param medianMillisToAcknowledge over the acknowledged drills; null if none was
 * @param worstMillisToAcknowledge the longest of them; null if none was
 * @param failures how many drills ran out of steps unacknowledged
 * @param running how many are still paging
 * @param results the drills themselves, newest first; empty in the network-wide report
 */
public record CountryDrills(String country, String partyName, int drills, Instant lastDrill, String lastOutcome,
		Long medianMillisToAcknowledge, Long worstMillisToAcknowledge, int failures, int running,
		List<DrillResult> results) {

	public CountryDrills {
		results = List.copyOf(results);
	}

	/** Sums up a Party's drills, given newest first. */
	static CountryDrills of(String country, String partyName, List<DrillResult> newestFirst, boolean withResults) {
		List<Long> times = newestFirst.stream()
			.map(DrillResult::millisToAcknowledge)
			.filter((millis) -> millis != null)
			.sorted()
			.toList();
		Long median = null;
		if (!times.isEmpty()) {
			int middle = times.size() / 2;
			median = (times.size() % 2 == 1) ? times.get(middle) : (times.get(middle - 1) + times.get(middle)) / 2;
		}
		Long worst = times.isEmpty() ? null : times.get(times.size() - 1);
		DrillResult last = newestFirst.isEmpty() ? null : newestFirst.get(0);
		int failures = (int) newestFirst.stream().filter((drill) -> DrillResult.FAILED.equals(drill.outcome())).count();
		int running = (int) newestFirst.stream().filter((drill) -> DrillResult.RUNNING.equals(drill.outcome())).count();
		return new CountryDrills(country, partyName, newestFirst.size(), (last != null) ? last.startedAt() : null,
				(last != null) ? last.outcome() : null, median, worst, failures, running,
				withResults ? newestFirst : List.of());
	}

}
