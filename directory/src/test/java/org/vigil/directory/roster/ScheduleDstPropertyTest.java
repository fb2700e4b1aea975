package org.vigil.directory.roster;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.directory.roster.RotationDstPropertyTest.Window;
import org.vigil.protocol.OfficerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of a whole {@link Schedule} — a daily base rotation, a weekend layer with a
 * weekly rotation, a Sunday layer with a custom 2-2-3 rotation, and overrides across
 * every transition — over 2024–2030 in the eight zones of
 * {@link RotationDstPropertyTest}, with hand-off and window times inside the transition
 * windows (docs/directory.md).
 * <p>
 * The expected answer at an instant is computed here from the written rules and the
 * zone's transitions alone ({@link RotationDstPropertyTest#expected}), without
 * {@link WallClock}, {@link Rotation#shiftAt} or {@link TimeWindow}.
 */
class ScheduleDstPropertyTest {

	private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	private static final LocalDate UNTIL = LocalDate.of(2031, 1, 1);

	/** A Sunday; every transition of these zones in 2024–2030 falls on a Sunday. */
	private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 4);

	private static final int MAX_REPORTED = 20;

	private static final List<OfficerId> BASE = ids("t.base", 3);

	private static final List<OfficerId> WEEKEND = ids("t.weekend", 2);

	private static final List<OfficerId> SUNDAY = ids("t.sunday", 3);

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theCalendarTilesTimeWithOneAnswerPerInstantAsTheRulesSay(Case c) {
		Schedule schedule = c.schedule();
		Instant from = FROM.atStartOfDay(c.zone()).toInstant();
		Instant until = UNTIL.atStartOfDay(c.zone()).toInstant();
		List<Duty> calendar = schedule.between(from, until);
		List<String> problems = new ArrayList<>();

		// No hole, no overlap: one primary at every instant.
		if (!calendar.get(0).start().equals(from)) {
			problems.add("the calendar starts at " + calendar.get(0).start() + ", not " + from);
		}
		if (!calendar.get(calendar.size() - 1).end().equals(until)) {
			problems.add("the calendar ends at " + calendar.get(calendar.size() - 1).end() + ", not " + until);
		}
		for (int k = 1; k < calendar.size(); k++) {
			if (!calendar.get(k).start().equals(calendar.get(k - 1).end())) {
				problems.add("%s follows %s".formatted(calendar.get(k), calendar.get(k - 1)));
			}
		}
		// Every stretch is what the rules give, at its start, middle and last instant.
		for (Duty duty : calendar) {
			Instant middle = duty.start().plus(Duration.between(duty.start(), duty.end()).dividedBy(2));
			for (Instant at : List.of(duty.start(), middle, duty.end().minusMillis(1))) {
				Answer expected = c.expectedAt(at);
				Answer actual = new Answer(duty.primary(), duty.secondary(), duty.layer(), duty.shift(),
						duty.overrides().size());
				if (!expected.equals(actual)) {
					problems.add("at %s (%s local) the calendar says %s, the rules %s".formatted(at,
							LocalDateTime.ofInstant(at, c.zone()), actual, expected));
				}
			}
		}
		assertNone(c, problems);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachOfficerGetsTheirShareOfEachRotation(Case c) {
		Instant from = FROM.atStartOfDay(c.zone()).toInstant();
		Instant until = UNTIL.atStartOfDay(c.zone()).toInstant();
		Map<String, Map<Long, OfficerId>> shifts = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Duty duty : c.schedule().between(from, until)) {
			if (!duty.overrides().isEmpty()) {
				continue;
			}
			OfficerId earlier = shifts.computeIfAbsent(Objects.toString(duty.layer(), "base"), (k) -> new HashMap<>())
				.put(duty.shift(), duty.primary());
			if (earlier != null && !earlier.equals(duty.primary())) {
				problems
					.add("shift %d of %s had %s and %s".formatted(duty.shift(), duty.layer(), earlier, duty.primary()));
			}
		}
		assertNone(c, problems);
		// In roster order: shift k to officer k mod n.
		Map<String, List<OfficerId>> rotas = Map.of("base", BASE, "weekend", WEEKEND, "sunday", SUNDAY);
		shifts.forEach((layer, byIndex) -> byIndex
			.forEach((index, primary) -> assertThat(primary).as("%s: shift %d of %s", c, index, layer)
				.isEqualTo(rotas.get(layer).get((int) Math.floorMod(index, (long) rotas.get(layer).size())))));
		// Weekends alternate; the base duty's visible shifts repeat every three weeks,
		// five
		// per officer, so counts differ by no more than one such period's.
		assertThat(shares(shifts.get("weekend"), WEEKEND)).as("%s: weekend shares", c).allSatisfy((share) -> {
			assertThat(share).isBetween(minOf(shifts.get("weekend"), WEEKEND),
					minOf(shifts.get("weekend"), WEEKEND) + 1);
		});
		int baseMin = minOf(shifts.get("base"), BASE);
		assertThat(shares(shifts.get("base"), BASE)).as("%s: base shares", c)
			.allSatisfy((share) -> assertThat(share).isBetween(baseMin, baseMin + 5));
		assertThat(shifts.keySet()).as("%s: every layer is met", c).contains("base", "weekend", "sunday");
	}

	private static List<Integer> shares(Map<Long, OfficerId> shifts, List<OfficerId> officers) {
		return officers.stream()
			.map((officer) -> (int) shifts.values().stream().filter(officer::equals).count())
			.toList();
	}

	private static int minOf(Map<Long, OfficerId> shifts, List<OfficerId> officers) {
		return shares(shifts, officers).stream().mapToInt(Integer::intValue).min().orElseThrow();
	}

	// --- the parameters

	/**
	 * For each zone, the local times of 2024–2030 at the start, middle and last minute of
	 * each gap or overlap, 00:00 and 08:00; each is the hand-off of the base and weekend
	 * rotations once, with the next as the Sunday layer's hand-off and window edge.
	 */
	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (ZoneId zone : RotationDstPropertyTest.TRANSITIONS.keySet()) {
			TreeSet<LocalTime> times = new TreeSet<>(List.of(LocalTime.MIDNIGHT, LocalTime.of(8, 0)));
			for (Window t : RotationDstPropertyTest.inWindow(zone)) {
				times.add(t.from().toLocalTime());
				times.add(t.from().plus(t.size().dividedBy(2)).toLocalTime());
				times.add(t.to().minusMinutes(1).toLocalTime());
			}
			List<LocalTime> list = List.copyOf(times);
			for (int k = 0; k < list.size(); k++) {
				cases.add(new Case(zone, list.get(k), list.get((k + 1) % list.size())));
			}
		}
		return cases.stream();
	}

	// --- the oracle

	record Answer(OfficerId primary, OfficerId secondary, String layer, long shift, int overrides) {
	}

	/** A rotation as the test sees it: who, from which day, at what time, how long. */
	record Rota(List<OfficerId> officers, LocalDate firstDay, LocalTime handoff, List<Integer> pattern) {

		LocalDate day(long index) {
			long cycle = this.pattern.stream().mapToInt(Integer::intValue).sum();
			long days = Math.floorDiv(index, (long) this.pattern.size()) * cycle;
			for (int k = 0; k < Math.floorMod(index, (long) this.pattern.size()); k++) {
				days += this.pattern.get(k);
			}
			return this.firstDay.plusDays(days);
		}

		Instant start(long index, ZoneId zone) {
			return RotationDstPropertyTest.expected(day(index).atTime(this.handoff), zone).instant();
		}

		long indexAt(Instant at, ZoneId zone) {
			long cycle = this.pattern.stream().mapToInt(Integer::intValue).sum();
			long index = Math.floorDiv(ChronoUnit.DAYS.between(this.firstDay, LocalDate.ofInstant(at, zone)), cycle)
					* this.pattern.size();
			while (start(index, zone).isAfter(at)) {
				index--;
			}
			while (!start(index + 1, zone).isAfter(at)) {
				index++;
			}
			return index;
		}

		Rotation rotation(String name) {
			return new Rotation(name, this.officers, this.firstDay, this.handoff, null, this.pattern);
		}

	}

	record Case(ZoneId zone, LocalTime handoff, LocalTime second) {

		Rota base() {
			return new Rota(BASE, FIRST_DAY, this.handoff, List.of(1));
		}

		Rota weekend() {
			return new Rota(WEEKEND, FIRST_DAY.minusDays(1), this.handoff, List.of(7));
		}

		Rota sunday() {
			return new Rota(SUNDAY, FIRST_DAY, this.second, List.of(2, 2, 3));
		}

		/** Saturday hand-off to Sunday's second time. */
		TimeWindow weekendWindow() {
			return new TimeWindow(DayOfWeek.SATURDAY, this.handoff, DayOfWeek.SUNDAY, this.second);
		}

		/** Sunday's second time to Monday's hand-off. */
		TimeWindow sundayWindow() {
			return new TimeWindow(DayOfWeek.SUNDAY, this.second, DayOfWeek.MONDAY, this.handoff);
		}

		/**
		 * On every transition day, alternately: the first base officer on leave, replaced
		 * by the third, from the hand-off to the next day's second time; or the first
		 * weekend officer made primary from the second time for two days.
		 */
		List<RosterOverride> overrides() {
			List<RosterOverride> overrides = new ArrayList<>();
			List<LocalDate> days = new ArrayList<>(
					RotationDstPropertyTest.inWindow(this.zone).stream().map((t) -> t.from().toLocalDate()).toList());
			if (days.isEmpty()) {
				days.addAll(List.of(LocalDate.of(2025, 3, 30), LocalDate.of(2027, 10, 31)));
			}
			for (int k = 0; k < days.size(); k++) {
				LocalDate day = days.get(k);
				overrides.add((k % 2 == 0)
						? new RosterOverride("leave " + k, BASE.get(0), BASE.get(2), day.atTime(this.handoff),
								day.plusDays(1).atTime(this.second))
						: RosterOverride.primary("cover " + k, WEEKEND.get(0), day.atTime(this.second),
								day.plusDays(2).atTime(this.handoff)));
			}
			return overrides;
		}

		Schedule schedule() {
			return new Schedule(this.zone, base().rotation("base"),
					List.of(new Layer("weekend", weekend().rotation("weekend"), List.of(weekendWindow())),
							new Layer("sunday", sunday().rotation("sunday"), List.of(sundayWindow()))),
					overrides());
		}

		Answer expectedAt(Instant at) {
			String layer = covers(sundayWindow(), at) ? "sunday" : covers(weekendWindow(), at) ? "weekend" : null;
			Rota rota = (layer == null) ? base() : layer.equals("weekend") ? weekend() : sunday();
			long index = rota.indexAt(at, this.zone);
			int size = rota.officers().size();
			OfficerId primary = rota.officers().get((int) Math.floorMod(index, (long) size));
			OfficerId secondary = rota.officers().get((int) Math.floorMod(index + 1, (long) size));
			int applied = 0;
			for (RosterOverride override : overrides()) {
				Instant start = RotationDstPropertyTest.expected(override.from(), this.zone).instant();
				Instant end = RotationDstPropertyTest.expected(override.until(), this.zone).instant();
				if (at.isBefore(start) || !at.isBefore(end)) {
					continue;
				}
				if (override.replaces() == null) {
					if (!override.by().equals(primary)) {
						secondary = override.by().equals(secondary) ? primary : secondary;
						primary = override.by();
						applied++;
					}
				}
				else if (override.replaces().equals(primary)) {
					primary = override.by();
					applied++;
				}
				else if (override.replaces().equals(secondary)) {
					secondary = override.by();
					applied++;
					if (secondary.equals(primary)) {
						// Base rotation b1 b2 b3: b3 primary, b1 away: b2 backs up.
						secondary = BASE.get(1);
					}
				}
			}
			return new Answer(primary, secondary, layer, index, applied);
		}

		private boolean covers(TimeWindow window, Instant at) {
			int span = Math.floorMod(window.untilDay().getValue() - window.fromDay().getValue(), 7);
			LocalDate day = LocalDate.ofInstant(at, this.zone);
			for (int back = 0; back <= 8; back++) {
				LocalDate open = day.minusDays(back);
				if (open.getDayOfWeek() != window.fromDay()) {
					continue;
				}
				Instant start = RotationDstPropertyTest.expected(open.atTime(window.from()), this.zone).instant();
				Instant end = RotationDstPropertyTest.expected(open.plusDays(span).atTime(window.until()), this.zone)
					.instant();
				if (!at.isBefore(start) && at.isBefore(end)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return "%s, hand-off %s, Sunday layer at %s".formatted(this.zone, this.handoff, this.second);
		}

	}

	private static List<OfficerId> ids(String prefix, int count) {
		List<OfficerId> ids = new ArrayList<>();
		for (int k = 1; k <= count; k++) {
			ids.add(OfficerId.of(prefix + k));
		}
		return List.copyOf(ids);
	}

	private static void assertNone(Case c, List<String> problems) {
		assertThat(problems).as(() -> "%s: %d violation(s), first %d:%n%s".formatted(c, problems.size(),
				Math.min(problems.size(), MAX_REPORTED),
				String.join("\n", problems.subList(0, Math.min(problems.size(), MAX_REPORTED)))))
			.isEmpty();
	}

}
