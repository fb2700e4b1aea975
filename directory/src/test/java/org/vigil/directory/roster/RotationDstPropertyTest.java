package org.vigil.directory.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.protocol.OfficerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link Rotation} over every daylight-saving transition of 2024–2030 in
 * eight zones, for hand-off times around and inside each transition window, shifts of 1,
 * 2 and 7 days and rotations of 1, 2, 3 and 5 officers (docs/directory.md).
 * <p>
 * The expected hand-off instants are computed here from the zone's transitions alone,
 * without {@link WallClock}. Each property walks the roster shift by shift (never minute
 * by minute) and collects every violation, so that a failure names the zone, the hand-off
 * time, the shift and the expected and actual instants.
 * <p>
 * The properties of when shifts start and end run every zone, hand-off time and shift
 * length, with one rotation size each, cycling through all four; fair shares run every
 * zone, shift length and rotation size, with one hand-off time each, cycling through all
 * of the zone's. So every value of every dimension is met in every zone, and the whole
 * class runs in a few seconds.
 */
class RotationDstPropertyTest {

	private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "America/Sao_Paulo",
			"Asia/Tokyo", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Apia");

	private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	/** Exclusive: the walk covers 2024-01-01 up to 2030-12-31 inclusive. */
	private static final LocalDate UNTIL = LocalDate.of(2031, 1, 1);

	/**
	 * A Sunday. Every transition of these zones in 2024–2030 falls on a Sunday, so weekly
	 * rotations hand off on every transition day, and 2-day ones on some.
	 */
	private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 4);

	private static final List<Integer> SHIFT_DAYS = List.of(1, 2, 7);

	private static final List<Integer> ROTATION_SIZES = List.of(1, 2, 3, 5);

	private static final int MAX_REPORTED = 20;

	/** Every transition of each zone from 2023 to 2031, a margin either side. */
	static final Map<ZoneId, List<Window>> TRANSITIONS = new LinkedHashMap<>();

	static {
		for (String id : ZONES) {
			ZoneId zone = ZoneId.of(id);
			TRANSITIONS.put(zone,
					transitions(zone, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2032-01-01T00:00:00Z")));
		}
	}

	// --- 1. no holes, no overlaps

	@ParameterizedTest(name = "{0}")
	@MethodSource("eachHandoffOnce")
	void consecutiveShiftsTileTimeAndEveryInstantOfAShiftFindsThatShift(Case c) {
		Rotation rotation = c.rotation();
		List<String> problems = new ArrayList<>();
		Shift previous = null;
		// The walk itself asks shiftAt(start) of every shift but the first.
		for (Shift shift : walk(c)) {
			if (!shift.start().isBefore(shift.end())) {
				problems.add(
						"shift %d: start %s is not before end %s".formatted(shift.index(), shift.start(), shift.end()));
			}
			if (previous != null) {
				if (!shift.start().equals(previous.end())) {
					problems.add("shift %d starts at %s but shift %d ended at %s".formatted(shift.index(),
							shift.start(), previous.index(), previous.end()));
				}
				if (shift.index() != previous.index() + 1) {
					problems.add("shift %d follows shift %d".formatted(shift.index(), previous.index()));
				}
			}
			Instant middle = shift.start().plus(Duration.between(shift.start(), shift.end()).dividedBy(2));
			for (Instant at : List.of(shift.start().plusMillis(1), middle, shift.end().minusMillis(1))) {
				Shift found = rotation.shiftAt(at, c.zone());
				if (found.index() != shift.index() || !found.equals(shift)) {
					problems.add("shiftAt(%s) gave shift %d [%s, %s), expected shift %d [%s, %s)".formatted(at,
							found.index(), found.start(), found.end(), shift.index(), shift.start(), shift.end()));
				}
			}
			previous = shift;
		}
		assertNone(c, problems);
	}

	// --- 2. the written rules

	@ParameterizedTest(name = "{0}")
	@MethodSource("eachHandoffOnce")
	void everyShiftStartsAtTheWrittenHandoffInstant(Case c) {
		List<Shift> shifts = shifts(c);
		List<String> problems = new ArrayList<>();
		int gaps = 0;
		int overlaps = 0;
		for (Shift shift : shifts) {
			LocalDateTime local = c.handoffOf(shift.index());
			Expected expected = expected(local, c.zone());
			if (!shift.start().equals(expected.instant())) {
				problems.add("shift %d: hand-off %s (%s) expected at %s, starts at %s".formatted(shift.index(), local,
						expected.kind(), expected.instant(), shift.start()));
			}
			// A check of the expectation itself: read back on the wall clock, it is the
			// hand-off time, or the end of the gap.
			LocalDateTime readBack = LocalDateTime.ofInstant(expected.instant(), c.zone());
			if ((expected.kind() == Kind.GAP) ? !readBack.isAfter(local) : !readBack.equals(local)) {
				problems.add("shift %d: expected %s for hand-off %s (%s) reads %s on the wall clock"
					.formatted(shift.index(), expected.instant(), local, expected.kind(), readBack));
			}
			if (expected.kind() == Kind.GAP) {
				gaps++;
			}
			else if (expected.kind() == Kind.OVERLAP) {
				overlaps++;
			}
		}
		assertNone(c, problems);
		if (c.shiftDays() != 2) {
			// Daily and weekly (Sunday) rotations hand off on every transition day: each
			// gap or overlap that holds the hand-off time was met once.
			assertThat(gaps).as("hand-offs in a gap, %s", c).isEqualTo(windowsHolding(c, shifts, true));
			assertThat(overlaps).as("hand-offs in an overlap, %s", c).isEqualTo(windowsHolding(c, shifts, false));
		}
	}

	@Test
	void theWalkMeetsHandoffsInGapsAndOverlapsInEveryZoneThatHasThem() {
		// Guards the parameters: the rules above are exercised, not vacuously true.
		for (ZoneId zone : TRANSITIONS.keySet()) {
			boolean hasDst = !inWindow(zone).isEmpty();
			long inGap = handoffs(zone).stream().filter((h) -> holds(zone, h, true)).count();
			long inOverlap = handoffs(zone).stream().filter((h) -> holds(zone, h, false)).count();
			if (hasDst) {
				assertThat(inGap).as("hand-off times inside a gap of %s", zone).isGreaterThanOrEqualTo(2);
				assertThat(inOverlap).as("hand-off times inside an overlap of %s", zone).isGreaterThanOrEqualTo(2);
			}
		}
		assertThat(inWindow(ZoneId.of("Australia/Lord_Howe"))).hasSize(14)
			.allSatisfy((t) -> assertThat(t.size()).isEqualTo(Duration.ofMinutes(30)));
		assertThat(inWindow(ZoneId.of("Pacific/Chatham"))).hasSize(14)
			.allSatisfy((t) -> assertThat(t.after().getTotalSeconds() % 3600).isEqualTo(45 * 60));
		assertThat(inWindow(ZoneId.of("Europe/Paris"))).hasSize(14);
		assertThat(inWindow(ZoneId.of("America/New_York"))).hasSize(14);
		assertThat(Stream.of("America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Apia"))
			.allSatisfy((zone) -> assertThat(inWindow(ZoneId.of(zone))).isEmpty());
	}

	// --- 3. fair shares

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyRotationSize")
	void officersTakeEqualTurnsInRotationOrderWithTheNextOneAsSecondary(Case c) {
		List<OfficerId> officers = c.rotation().officers();
		int size = officers.size();
		List<Shift> shifts = walk(c);
		List<String> problems = new ArrayList<>();
		Map<OfficerId, Integer> turns = new LinkedHashMap<>();
		officers.forEach((officer) -> turns.put(officer, 0));
		int wholeCycles = shifts.size() / size;
		for (int k = 0; k < shifts.size(); k++) {
			Shift shift = shifts.get(k);
			int position = officers.indexOf(shift.primary());
			if (position < 0) {
				problems.add("shift %d: primary %s is not on the rotation".formatted(shift.index(), shift.primary()));
				continue;
			}
			OfficerId next = officers.get((position + 1) % size);
			if (!shift.secondary().equals(next)) {
				problems.add("shift %d: primary %s, secondary %s, expected %s".formatted(shift.index(), shift.primary(),
						shift.secondary(), next));
			}
			if ((size == 1) != shift.secondary().equals(shift.primary())) {
				problems.add("shift %d: primary %s and secondary %s, with %d officers".formatted(shift.index(),
						shift.primary(), shift.secondary(), size));
			}
			if (k + 1 < shifts.size() && !shifts.get(k + 1).primary().equals(next)) {
				problems.add("shift %d: primary %s follows %s, expected %s".formatted(shifts.get(k + 1).index(),
						shifts.get(k + 1).primary(), shift.primary(), next));
			}
			if (shift.index() == 0 && !shift.primary().equals(officers.get(0))) {
				problems.add("the first shift, on %s, goes to %s, not to the first officer %s".formatted(FIRST_DAY,
						shift.primary(), officers.get(0)));
			}
			if (k < wholeCycles * size) {
				turns.merge(shift.primary(), 1, Integer::sum);
			}
		}
		assertNone(c, problems);
		assertThat(wholeCycles).as("whole cycles in 2024–2030, %s", c).isPositive();
		assertThat(turns.values()).as("turns per officer over %d whole cycles, %s", wholeCycles, c)
			.containsOnly(wholeCycles);
	}

	// --- 4. durations

	@ParameterizedTest(name = "{0}")
	@MethodSource("eachHandoffOnce")
	void aShiftLastsItsDaysCorrectedByTheOffsetChangesItSpans(Case c) {
		Duration nominal = Duration.ofDays(c.shiftDays());
		List<String> problems = new ArrayList<>();
		Expected end = null;
		for (Shift shift : shifts(c)) {
			Duration actual = Duration.between(shift.start(), shift.end());
			// Clocks going forward by an hour take an hour off the shift, and back add
			// one.
			Duration changes = offsetChanges(c.zone(), shift.start(), shift.end());
			Duration expected = nominal.minus(changes);
			Expected start = (end != null) ? end : expected(c.handoffOf(shift.index()), c.zone());
			end = expected(c.handoffOf(shift.index() + 1), c.zone());
			if (start.kind() != Kind.GAP && end.kind() != Kind.GAP) {
				if (!actual.equals(expected)) {
					problems.add("shift %d [%s, %s) lasts %s, expected %s (offset changes %s)".formatted(shift.index(),
							shift.start(), shift.end(), actual, expected, changes));
				}
			}
			else {
				// Moved to the end of a gap, which is later than the wall time read in
				// the
				// new offset by at most the gap: a moved start shortens the shift, a
				// moved
				// end lengthens it.
				Duration lower = (start.kind() == Kind.GAP) ? expected.minus(start.gap()) : expected;
				Duration upper = (end.kind() == Kind.GAP) ? expected.plus(end.gap()) : expected;
				if (actual.compareTo(lower) < 0 || actual.compareTo(upper) > 0 || actual.isNegative()
						|| actual.isZero()) {
					problems.add("shift %d [%s, %s) moved by a gap lasts %s, expected within [%s, %s]"
						.formatted(shift.index(), shift.start(), shift.end(), actual, lower, upper));
				}
			}
		}
		assertNone(c, problems);
	}

	// --- the parameters

	/**
	 * Every zone, shift length and rotation size, the hand-off time cycling through the
	 * zone's so that each is met: for fair shares, which depend on the rotation size.
	 */
	static Stream<Case> everyRotationSize() {
		List<Case> cases = new ArrayList<>();
		for (ZoneId zone : TRANSITIONS.keySet()) {
			List<LocalTime> handoffs = List.copyOf(handoffs(zone));
			int k = 0;
			for (int days : SHIFT_DAYS) {
				for (int size : ROTATION_SIZES) {
					LocalTime handoff = handoffs.get(k++ % handoffs.size());
					cases.add(new Case(zone, handoff, where(zone, handoff), days, size));
				}
			}
		}
		return cases.stream();
	}

	/**
	 * Every zone, hand-off time and shift length once, the rotation size cycling through
	 * 1, 2, 3 and 5 so that each zone and shift length meets all four: for the properties
	 * of when shifts start and end, which the officers do not enter into.
	 */
	static Stream<Case> eachHandoffOnce() {
		List<Case> cases = new ArrayList<>();
		for (ZoneId zone : TRANSITIONS.keySet()) {
			int h = 0;
			for (LocalTime handoff : handoffs(zone)) {
				for (int d = 0; d < SHIFT_DAYS.size(); d++) {
					int size = ROTATION_SIZES.get((h + d) % ROTATION_SIZES.size());
					cases.add(new Case(zone, handoff, where(zone, handoff), SHIFT_DAYS.get(d), size));
				}
				h++;
			}
		}
		return cases.stream();
	}

	/**
	 * 00:00, 08:00 and 23:59, and for every transition of 2024–2030 the local times just
	 * before, at the start of, inside, at the last minute of and just after its gap or
	 * overlap.
	 */
	private static TreeSet<LocalTime> handoffs(ZoneId zone) {
		TreeSet<LocalTime> handoffs = new TreeSet<>(
				List.of(LocalTime.MIDNIGHT, LocalTime.of(8, 0), LocalTime.of(23, 59)));
		for (Window t : inWindow(zone)) {
			handoffs.add(t.from().minusMinutes(1).toLocalTime());
			handoffs.add(t.from().toLocalTime());
			handoffs.add(t.from().plus(t.size().dividedBy(2)).toLocalTime());
			handoffs.add(t.to().minusMinutes(1).toLocalTime());
			handoffs.add(t.to().toLocalTime());
		}
		return handoffs;
	}

	private static String where(ZoneId zone, LocalTime handoff) {
		List<String> where = new ArrayList<>();
		if (holds(zone, handoff, true)) {
			where.add("in a gap");
		}
		if (holds(zone, handoff, false)) {
			where.add("in an overlap");
		}
		return where.isEmpty() ? "always once" : String.join(", ", where);
	}

	/** Whether some gap (or overlap) of 2024–2030 holds this local time. */
	private static boolean holds(ZoneId zone, LocalTime handoff, boolean gap) {
		return inWindow(zone).stream()
			.filter((t) -> t.gap() == gap)
			.anyMatch((t) -> t.holds(t.from().toLocalDate().atTime(handoff)));
	}

	/** How many gaps (or overlaps) of the walked years hold the hand-off time. */
	private static int windowsHolding(Case c, List<Shift> shifts, boolean gap) {
		LocalDate first = c.handoffOf(shifts.get(0).index()).toLocalDate();
		LocalDate last = c.handoffOf(shifts.get(shifts.size() - 1).index()).toLocalDate();
		return (int) TRANSITIONS.get(c.zone())
			.stream()
			.filter((t) -> t.gap() == gap)
			.filter((t) -> !t.from().toLocalDate().isBefore(first) && !t.from().toLocalDate().isAfter(last))
			.filter((t) -> t.holds(t.from().toLocalDate().atTime(c.handoff())))
			.count();
	}

	// --- the walk

	/**
	 * The same shifts as {@link #walk(Case)}, stepping by index: cheaper, for the
	 * properties that do not test {@link Rotation#shiftAt}.
	 */
	private static List<Shift> shifts(Case c) {
		Rotation rotation = c.rotation();
		Instant until = start(UNTIL, c.zone());
		List<Shift> shifts = new ArrayList<>();
		Shift shift = rotation.shiftAt(start(FROM, c.zone()), c.zone());
		while (shift.start().isBefore(until)) {
			shifts.add(shift);
			shift = rotation.shift(shift.index() + 1, c.zone());
		}
		return shifts;
	}

	/**
	 * The shifts in force from 2024-01-01 00:00 local up to 2031-01-01 00:00 local,
	 * stepping from each shift to the one in force at its end.
	 */
	private static List<Shift> walk(Case c) {
		Rotation rotation = c.rotation();
		Instant until = start(UNTIL, c.zone());
		List<Shift> shifts = new ArrayList<>();
		Shift shift = rotation.shiftAt(start(FROM, c.zone()), c.zone());
		while (shift.start().isBefore(until)) {
			shifts.add(shift);
			Shift next = rotation.shiftAt(shift.end(), c.zone());
			if (next.index() <= shift.index()) {
				throw new AssertionError("%s: the walk does not advance from shift %d [%s, %s) to %d [%s, %s)"
					.formatted(c, shift.index(), shift.start(), shift.end(), next.index(), next.start(), next.end()));
			}
			shift = next;
		}
		return shifts;
	}

	// --- expectations, from the zone's transitions only

	enum Kind {

		/** The wall time happens once. */
		ONCE,

		/** Clocks went back: the wall time happens twice; the first counts. */
		OVERLAP,

		/**
		 * Clocks went forward: the wall time never happens; the end of the gap counts.
		 */
		GAP

	}

	record Expected(Instant instant, Kind kind, Duration gap) {
	}

	/**
	 * A transition and the local times [from, to) it skips (a gap, clocks going forward)
	 * or repeats (an overlap, clocks going back).
	 */
	record Window(Instant instant, LocalDateTime from, LocalDateTime to, boolean gap, ZoneOffset before,
			ZoneOffset after, Duration size) {

		static Window of(ZoneOffsetTransition t) {
			LocalDateTime from = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
			LocalDateTime to = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
			return new Window(t.getInstant(), from, to, t.isGap(), t.getOffsetBefore(), t.getOffsetAfter(),
					Duration.between(from, to));
		}

		boolean holds(LocalDateTime local) {
			return !local.isBefore(this.from) && local.isBefore(this.to);
		}

	}

	static Expected expected(LocalDateTime local, ZoneId zone) {
		ZoneOffset offset = null;
		for (Window t : TRANSITIONS.get(zone)) {
			if (t.holds(local)) {
				return t.gap() ? new Expected(t.instant(), Kind.GAP, t.size())
						: new Expected(local.toInstant(t.before()), Kind.OVERLAP, Duration.ZERO);
			}
			if (local.isBefore(t.from())) {
				offset = (offset != null) ? offset : t.before();
				break;
			}
			offset = t.after();
		}
		if (offset == null) {
			// No transition from 2023 to 2031: one offset throughout.
			offset = zone.getRules().getOffset(local.toInstant(ZoneOffset.UTC));
		}
		return new Expected(local.toInstant(offset), Kind.ONCE, Duration.ZERO);
	}

	/** The sum of (offset after - offset before) over transitions in (from, to]. */
	private static Duration offsetChanges(ZoneId zone, Instant from, Instant to) {
		int seconds = 0;
		for (Window t : TRANSITIONS.get(zone)) {
			if (t.instant().isAfter(from) && !t.instant().isAfter(to)) {
				seconds += t.after().getTotalSeconds() - t.before().getTotalSeconds();
			}
		}
		return Duration.ofSeconds(seconds);
	}

	private static List<Window> transitions(ZoneId zone, Instant from, Instant to) {
		ZoneRules rules = zone.getRules();
		List<Window> transitions = new ArrayList<>();
		ZoneOffsetTransition t = rules.nextTransition(from);
		while (t != null && t.getInstant().isBefore(to)) {
			transitions.add(Window.of(t));
			t = rules.nextTransition(t.getInstant());
		}
		return List.copyOf(transitions);
	}

	/** The transitions of 2024–2030. */
	static List<Window> inWindow(ZoneId zone) {
		Instant from = start(FROM, zone);
		Instant until = start(UNTIL, zone);
		return TRANSITIONS.get(zone)
			.stream()
			.filter((t) -> !t.instant().isBefore(from) && t.instant().isBefore(until))
			.toList();
	}

	private static Instant start(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}

	private static void assertNone(Case c, List<String> problems) {
		assertThat(problems).as(() -> "%s: %d violation(s), first %d:%n%s".formatted(c, problems.size(),
				Math.min(problems.size(), MAX_REPORTED),
				String.join("\n", problems.subList(0, Math.min(problems.size(), MAX_REPORTED)))))
			.isEmpty();
	}

	record Case(ZoneId zone, LocalTime handoff, String where, int shiftDays, int officers) {

		Rotation rotation() {
			List<OfficerId> ids = IntStream.rangeClosed(1, this.officers)
				.mapToObj((i) -> OfficerId.of("t.officer" + i))
				.toList();
			return new Rotation("duty", ids, FIRST_DAY, this.handoff, this.shiftDays);
		}

		/** The wall time the {@code index}th shift is handed off at, by the roster. */
		LocalDateTime handoffOf(long index) {
			return FIRST_DAY.plus(index * this.shiftDays, ChronoUnit.DAYS).atTime(this.handoff);
		}

		@Override
		public String toString() {
			return "%s, hand-off %s (%s), %d-day shifts, %d officer%s".formatted(this.zone, this.handoff, this.where,
					this.shiftDays, this.officers, (this.officers == 1) ? "" : "s");
		}

	}

}
