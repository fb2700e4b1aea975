package org.vigil.directory.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.roster.Duty;
import org.vigil.directory.roster.RosterOverride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.directory.oncall.Rosters.A;
import static org.vigil.directory.oncall.Rosters.B;
import static org.vigil.directory.oncall.Rosters.BOSS;
import static org.vigil.directory.oncall.Rosters.C;
import static org.vigil.directory.oncall.Rosters.PARIS;
import static org.vigil.directory.oncall.Rosters.W1;
import static org.vigil.directory.oncall.Rosters.W2;
import static org.vigil.directory.oncall.Rosters.france;
import static org.vigil.directory.oncall.Rosters.local;

class OnCallTest {

	private static final RosterOverride LEAVE_OF_A = new RosterOverride("leave of fr.a", A, C,
			local("2026-01-05T00:00"), local("2026-01-08T00:00"));

	private static Instant paris(String local) {
		return local(local).atZone(PARIS).toInstant();
	}

	@Test
	void theWeekendLayerWinsInsideItsWindowAndTheWeekdayDutyOutside() {
		ContactPoint france = france(List.of());

		assertThat(OnCall.now(france, paris("2026-01-09T17:59")).duty().primary()).isEqualTo(B);
		OnCallNow saturday = OnCall.now(france, paris("2026-01-10T12:00"));
		assertThat(saturday.duty().primary()).isEqualTo(W1);
		assertThat(saturday.duty().secondary()).isEqualTo(W2);
		assertThat(saturday.duty().layer()).isEqualTo("weekend");
		assertThat(saturday.duty().start()).isEqualTo(paris("2026-01-09T18:00"));
		assertThat(saturday.duty().end()).isEqualTo(paris("2026-01-12T08:00"));
		assertThat(saturday.reason()).contains("layer 'weekend', rotation 'weekend duty', shift 0");
		assertThat(OnCall.now(france, paris("2026-01-12T08:00")).duty().primary()).isEqualTo(B);
		assertThat(OnCall.now(france, paris("2026-01-17T12:00")).duty().primary()).isEqualTo(W2);
	}

	@Test
	void aLeaveReplacesTheOfficerWhereverTheRotaPutsThemAndSaysSo() {
		ContactPoint france = france(List.of(LEAVE_OF_A));

		Paging primary = OnCall.page(france, StepTarget.PRIMARY_ON_CALL, paris("2026-01-05T12:00")).orElseThrow();
		assertThat(primary.officers()).containsExactly(C);
		assertThat(primary.reason()).startsWith("primary on call: FR rotation 'duty', shift 0")
			.contains("override 'leave of fr.a' replaces fr.a by fr.c until 2026-01-08T00:00 Europe/Paris");
		// fr.c is primary on the 7th and fr.a would back them up: the next one does.
		Duty seventh = OnCall.now(france, paris("2026-01-07T12:00")).duty();
		assertThat(seventh.primary()).isEqualTo(C);
		assertThat(seventh.secondary()).isEqualTo(B);
		assertThat(OnCall.now(france, paris("2026-01-08T12:00")).duty().primary()).isEqualTo(A);
	}

	@Test
	void aPrimaryOverrideSwapsWithTheSecondary() {
		ContactPoint france = france(
				List.of(RosterOverride.primary("swap", B, local("2026-01-05T08:00"), local("2026-01-06T08:00"))));

		Duty duty = OnCall.now(france, paris("2026-01-05T12:00")).duty();
		assertThat(duty.primary()).isEqualTo(B);
		assertThat(duty.secondary()).isEqualTo(A);
		assertThat(duty.source()).contains("override 'swap' makes fr.b primary");
	}

	@Test
	void theTeamAndNamedOfficersArePagedWhoeverIsOnCall() {
		ContactPoint france = france(List.of());
		Instant now = paris("2026-01-10T12:00");

		assertThat(OnCall.page(france, StepTarget.TEAM, now).orElseThrow().officers()).containsExactlyInAnyOrder(A, B,
				C, W1, W2);
		assertThat(OnCall.page(france, StepTarget.officers(List.of(BOSS, A)), now).orElseThrow().officers())
			.containsExactly(BOSS, A);
		assertThat(OnCall.page(france, StepTarget.SUPERVISORS, now).orElseThrow().officers()).containsExactly(BOSS);
	}

	@Test
	void theCalendarTilesTheNextDaysWithTheWeekendsAndOverridesCutIn() {
		ContactPoint france = france(List.of(LEAVE_OF_A));
		Instant from = paris("2026-01-05T00:00");

		List<Duty> calendar = OnCall.calendar(france, from, 14);

		assertThat(calendar.get(0).start()).isEqualTo(from);
		assertThat(calendar.get(calendar.size() - 1).end()).isEqualTo(paris("2026-01-19T00:00"));
		for (int k = 1; k < calendar.size(); k++) {
			assertThat(calendar.get(k).start()).isEqualTo(calendar.get(k - 1).end());
		}
		assertThat(calendar).filteredOn((duty) -> "weekend".equals(duty.layer()))
			.extracting(Duty::primary)
			.containsExactly(W2, W1, W2);
		assertThat(calendar).filteredOn((duty) -> !duty.overrides().isEmpty())
			.allSatisfy((duty) -> assertThat(duty.primary()).isNotEqualTo(A))
			.allSatisfy((duty) -> assertThat(duty.secondary()).isNotEqualTo(A));
		// Monday 00:00 to 08:00 is the end of the weekend before, then fr.a's shift with
		// fr.c standing in.
		assertThat(calendar.get(0).layer()).isEqualTo("weekend");
		assertThat(calendar.get(0).end()).isEqualTo(paris("2026-01-05T08:00"));
		assertThat(calendar.get(1).primary()).isEqualTo(C);
		assertThat(Duration.between(calendar.get(1).start(), calendar.get(1).end())).isEqualTo(Duration.ofDays(1));
	}

}
