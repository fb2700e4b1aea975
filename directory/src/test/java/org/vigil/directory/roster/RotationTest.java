package org.vigil.directory.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.protocol.OfficerId;

import static org.assertj.core.api.Assertions.assertThat;

class RotationTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static Rotation daily(LocalTime handoff) {
		return new Rotation("duty", List.of(OfficerId.of("fr.a"), OfficerId.of("fr.b"), OfficerId.of("fr.c")),
				LocalDate.of(2026, 1, 5), handoff, 1);
	}

	@Test
	void handsOffAtLocalWallClockTime() {
		Shift shift = daily(LocalTime.of(8, 0)).shiftAt(Instant.parse("2026-01-05T07:00:00Z"), PARIS);

		assertThat(shift.primary()).isEqualTo(OfficerId.of("fr.a"));
		assertThat(shift.secondary()).isEqualTo(OfficerId.of("fr.b"));
		assertThat(shift.start()).isEqualTo(Instant.parse("2026-01-05T07:00:00Z"));
		assertThat(shift.end()).isEqualTo(Instant.parse("2026-01-06T07:00:00Z"));
	}

	@Test
	void theShiftBeforeAHandoffIsStillTheOldOne() {
		Shift shift = daily(LocalTime.of(8, 0)).shiftAt(Instant.parse("2026-01-06T06:59:59Z"), PARIS);

		assertThat(shift.primary()).isEqualTo(OfficerId.of("fr.a"));
	}

	@Test
	void aHandoffInTheSpringGapHappensWhenTheGapEnds() {
		// 2026-03-29: Paris clocks jump from 02:00 to 03:00 (01:00Z).
		Shift shift = daily(LocalTime.of(2, 30)).shiftAt(Instant.parse("2026-03-29T01:00:00Z"), PARIS);

		assertThat(shift.start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
		assertThat(shift.end()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
	}

	@Test
	void aHandoffInTheAutumnOverlapHappensAtItsFirstOccurrence() {
		// 2026-10-25: Paris clocks go back from 03:00 to 02:00 (01:00Z); 02:30 happens
		// twice.
		Shift shift = daily(LocalTime.of(2, 30)).shiftAt(Instant.parse("2026-10-25T01:00:00Z"), PARIS);

		assertThat(shift.start()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
	}

	@Test
	void shiftsTileTimeWithoutGapsOrOverlapsAcrossAYear() {
		Rotation rotation = daily(LocalTime.of(2, 30));
		Instant at = Instant.parse("2026-01-01T00:00:00Z");
		Shift previous = rotation.shiftAt(at, PARIS);
		while (at.isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
			Shift next = rotation.shiftAt(previous.end(), PARIS);
			assertThat(next.start()).isEqualTo(previous.end());
			assertThat(next.index()).isEqualTo(previous.index() + 1);
			previous = next;
			at = next.start();
		}
	}

}
