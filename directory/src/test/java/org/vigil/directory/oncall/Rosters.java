package org.vigil.directory.oncall;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.EscalationPolicy;
import org.vigil.directory.policy.EscalationStep;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.roster.Layer;
import org.vigil.directory.roster.RosterOverride;
import org.vigil.directory.roster.Rotation;
import org.vigil.directory.roster.TimeWindow;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

/**
 * France with a weekday duty (fr.a, fr.b, fr.c, daily at 08:00 from Monday 5 January
 * 2026) under a weekend layer (fr.w1, fr.w2, weekly, Friday 18:00 to Monday 08:00).
 */
final class Rosters {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final OfficerId A = OfficerId.of("fr.a");

	static final OfficerId B = OfficerId.of("fr.b");

	static final OfficerId C = OfficerId.of("fr.c");

	static final OfficerId W1 = OfficerId.of("fr.w1");

	static final OfficerId W2 = OfficerId.of("fr.w2");

	static final OfficerId BOSS = OfficerId.of("fr.boss");

	private Rosters() {
	}

	static Rotation weekdays() {
		return new Rotation("duty", List.of(A, B, C), LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), 1);
	}

	static Layer weekend() {
		return new Layer("weekend",
				new Rotation("weekend duty", List.of(W1, W2), LocalDate.of(2026, 1, 9), LocalTime.of(18, 0), 7),
				List.of(new TimeWindow(DayOfWeek.FRIDAY, LocalTime.of(18, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0))));
	}

	static ContactPoint france(List<RosterOverride> overrides) {
		List<Officer> officers = Stream.of(A, B, C, W1, W2)
			.map((id) -> new Officer(id, id.value(), Set.of(Role.OFFICER), List.of("fr")))
			.collect(Collectors.toCollection(ArrayList::new));
		officers.add(new Officer(BOSS, "boss", Set.of(Role.SUPERVISOR), List.of("fr")));
		return new ContactPoint(CountryCode.of("FR"), "France", "OFAC", PARIS, officers, weekdays(),
				new EscalationPolicy(1, List.of(new EscalationStep(StepTarget.PRIMARY_ON_CALL, null))), List.of())
			.withRoster(weekdays(), List.of(weekend()), overrides);
	}

	static LocalDateTime local(String text) {
		return LocalDateTime.parse(text);
	}

}
