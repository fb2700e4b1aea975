package org.vigil.directory.oncall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.directory.roster.Rotation;
import org.vigil.directory.roster.Shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.vigil.directory.oncall.Rosters.A;
import static org.vigil.directory.oncall.Rosters.B;
import static org.vigil.directory.oncall.Rosters.C;
import static org.vigil.directory.oncall.Rosters.PARIS;
import static org.vigil.directory.oncall.Rosters.local;

class PatternRotationTest {

	private static final Rotation TWO_TWO_THREE = new Rotation("2-2-3", List.of(A, B, C), LocalDate.of(2026, 1, 5),
			LocalTime.of(8, 0), null, List.of(2, 2, 3));

	@Test
	void aCustomRotationHandsOffAfterShiftsOfItsPatternLengths() {
		Shift third = TWO_TWO_THREE.shiftAt(local("2026-01-11T12:00").atZone(PARIS).toInstant(), PARIS);
		assertThat(third.index()).isEqualTo(2);
		assertThat(third.primary()).isEqualTo(C);
		assertThat(third.start()).isEqualTo(local("2026-01-09T08:00").atZone(PARIS).toInstant());
		assertThat(third.end()).isEqualTo(local("2026-01-12T08:00").atZone(PARIS).toInstant());
		Shift before = TWO_TWO_THREE.shiftAt(local("2026-01-04T12:00").atZone(PARIS).toInstant(), PARIS);
		assertThat(before.index()).isEqualTo(-1);
		assertThat(before.start()).isEqualTo(local("2026-01-02T08:00").atZone(PARIS).toInstant());
		assertThat(TWO_TWO_THREE.shiftDays()).isEqualTo(2);
		assertThat(TWO_TWO_THREE.cycleDays()).isEqualTo(7);
	}

	@Test
	void refusesAShiftDaysThatContradictsThePattern() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Rotation("x", List.of(A), LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), 3, List.of(2, 2, 3)));
	}

}
