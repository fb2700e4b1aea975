package org.vigil.directory.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.vigil.protocol.OfficerId;

/**
 * A rotation of officers through on-call shifts, handed off at a fixed local wall-clock
 * time: every {@code shiftDays} days (daily with 1, weekly with 7), or, for a custom
 * rotation, after shifts whose lengths follow a repeating {@code pattern} (2, 2, 3 hands
 * off after two days, two days, three days, then again).
 *
 * @param name what the roster calls it
 * @param officers in rotation order; never empty
 * @param firstDay the local date of the first hand-off, to {@code officers.get(0)}
 * @param handoff the local time of every hand-off
 * @param shiftDays how many days each shift lasts, at least 1; with a pattern, the length
 * of its first shift (may then be omitted)
 * @param pattern the lengths in days of successive shifts, repeating; empty for shifts of
 * {@code shiftDays} each
 */
public record Rotation(String name, List<OfficerId> officers, LocalDate firstDay, LocalTime handoff, Integer shiftDays,
		List<Integer> pattern) {

	public Rotation {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(firstDay, "firstDay");
		Objects.requireNonNull(handoff, "handoff");
		officers = List.copyOf(officers);
		pattern = (pattern != null) ? List.copyOf(pattern) : List.of();
		if (officers.isEmpty()) {
			throw new IllegalArgumentException("rotation '" + name + "' has no officer");
		}
		if (pattern.stream().anyMatch((days) -> days < 1)) {
			throw new IllegalArgumentException("every shift of rotation '" + name + "' lasts at least a day");
		}
		if (!pattern.isEmpty()) {
			if (shiftDays != null && !shiftDays.equals(pattern.get(0))) {
				throw new IllegalArgumentException(
						"rotation '" + name + "': shiftDays is the length of the pattern's first shift");
			}
			shiftDays = pattern.get(0);
		}
		if (shiftDays == null || shiftDays < 1) {
			throw new IllegalArgumentException("rotation '" + name + "' must hand off at least every day");
		}
	}

	/** A daily (1) or weekly (7) or any N-day rotation. */
	public Rotation(String name, List<OfficerId> officers, LocalDate firstDay, LocalTime handoff, int shiftDays) {
		this(name, officers, firstDay, handoff, shiftDays, List.of());
	}

	/** The shift in force at an instant, read in the contact point's zone. */
	public Shift shiftAt(Instant instant, ZoneId zone) {
		LocalDate day = instant.atZone(zone).toLocalDate();
		long index = firstGuess(ChronoUnit.DAYS.between(this.firstDay, day));
		// The local date is only a first guess: the hand-off time of that day may still
		// be ahead.
		while (start(index, zone).isAfter(instant)) {
			index--;
		}
		while (!start(index + 1, zone).isAfter(instant)) {
			index++;
		}
		return shift(index, zone);
	}

	/** The {@code index}th shift of this rotation. */
	public Shift shift(long index, ZoneId zone) {
		int size = this.officers.size();
		OfficerId primary = this.officers.get((int) Math.floorMod(index, (long) size));
		OfficerId secondary = this.officers.get((int) Math.floorMod(index + 1, (long) size));
		return new Shift(index, primary, secondary, start(index, zone), start(index + 1, zone));
	}

	/** The days a whole cycle of hand-offs lasts: the pattern's sum, or shiftDays. */
	public int cycleDays() {
		return this.pattern.isEmpty() ? this.shiftDays : this.pattern.stream().mapToInt(Integer::intValue).sum();
	}

	/** The longest shift, in days. */
	public int longestShiftDays() {
		return this.pattern.isEmpty() ? this.shiftDays
				: this.pattern.stream().mapToInt(Integer::intValue).max().orElseThrow();
	}

	/** The local date of the {@code index}th hand-off. */
	public LocalDate handoffDay(long index) {
		if (this.pattern.isEmpty()) {
			return this.firstDay.plusDays(index * this.shiftDays);
		}
		int size = this.pattern.size();
		long cycles = Math.floorDiv(index, (long) size);
		int position = (int) Math.floorMod(index, (long) size);
		long days = cycles * cycleDays();
		for (int k = 0; k < position; k++) {
			days += this.pattern.get(k);
		}
		return this.firstDay.plusDays(days);
	}

	/** The index of the last hand-off on or before this many days after the first. */
	private long firstGuess(long days) {
		if (this.pattern.isEmpty()) {
			return Math.floorDiv(days, (long) this.shiftDays);
		}
		long cycles = Math.floorDiv(days, (long) cycleDays());
		long rest = days - cycles * cycleDays();
		long index = cycles * this.pattern.size();
		for (int k = 0; k < this.pattern.size() - 1 && rest >= this.pattern.get(k); k++) {
			rest -= this.pattern.get(k);
			index++;
		}
		return index;
	}

	private Instant start(long index, ZoneId zone) {
		return WallClock.handoffInstant(handoffDay(index).atTime(this.handoff), zone);
	}

}
