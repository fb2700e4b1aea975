package org.vigil.gateway.drill;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountryDrillsTest {

	private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

	private static DrillResult acknowledged(int hoursAgo, long millis) {
		Instant started = T0.minusSeconds(3600L * hoursAgo);
		return new DrillResult("drill-" + hoursAgo, "DE", "URGENT", started, DrillResult.ACKNOWLEDGED, "de.a",
				started.plusMillis(millis), 1, millis, started.plusMillis(millis));
	}

	private static DrillResult failed(int hoursAgo) {
		Instant started = T0.minusSeconds(3600L * hoursAgo);
		return new DrillResult("drill-" + hoursAgo, "DE", "URGENT", started, DrillResult.FAILED, null, null, null, null,
				started.plusSeconds(7200));
	}

	@Test
	void sumsUpMedianAndWorstOverTheAcknowledgedDrillsAndCountsFailures() {
		List<DrillResult> newestFirst = List.of(failed(0), acknowledged(1, 90_000), acknowledged(2, 30_000),
				acknowledged(3, 600_000), acknowledged(4, 60_000));

		CountryDrills line = CountryDrills.of("DE", "Germany", newestFirst, false);

		assertThat(line.drills()).isEqualTo(5);
		assertThat(line.lastDrill()).isEqualTo(T0);
		assertThat(line.lastOutcome()).isEqualTo(DrillResult.FAILED);
		assertThat(line.medianMillisToAcknowledge()).isEqualTo(75_000);
		assertThat(line.worstMillisToAcknowledge()).isEqualTo(600_000);
		assertThat(line.failures()).isEqualTo(1);
		assertThat(line.results()).isEmpty();
	}

	@Test
	void aPartyNeverDrilledOrNeverAcknowledgedHasNoTimes() {
		CountryDrills never = CountryDrills.of("FR", "France", List.of(), true);
		CountryDrills unanswered = CountryDrills.of("FR", "France", List.of(failed(1)), true);

		assertThat(never.lastDrill()).isNull();
		assertThat(never.medianMillisToAcknowledge()).isNull();
		assertThat(unanswered.medianMillisToAcknowledge()).isNull();
		assertThat(unanswered.worstMillisToAcknowledge()).isNull();
		assertThat(unanswered.results()).hasSize(1);
	}

}
