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
 * time every {@code shiftDays} days: daily with 1, weekly with 7.
 *
 * @param name what the roster calls it
 * @param officers in rotation order; never empty
 * @param firstDay the local date of the first hand-off, to {@code officers.get(0)}
 * @param handoff the local time of every hand-off
 * @param shiftDays how many days each shift lasts, at least 1
 */
public record Rotation(String name, List<OfficerId> officers, LocalDate firstDay, LocalTime handoff, int shiftDays) {

	public Rotation {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(firstDay, "firstDay");
		Objects.requireNonNull(handoff, "handoff");
		officers = List.copyOf(officers);
		if (officers.isEmpty()) {
			throw new IllegalArgumentException("rotation '" + name + "' has no officer");
		}
		if (shiftDays < 1) {
			throw new IllegalArgumentException("rotation '" + name + "' must hand off at least every day");
		}
	}

	/** The shift in force at an instant, read in the contact point's zone. */
	public Shift shiftAt(Instant instant, ZoneId zone) {
		LocalDate day = instant.atZone(zone).toLocalDate();
		long index = Math.floorDiv(ChronoUnit.DAYS.between(this.firstDay, day), this.shiftDays);
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

	private Instant start(long index, ZoneId zone) {
		LocalDate day = this.firstDay.plusDays(index * this.shiftDays);
		return WallClock.handoffInstant(day.atTime(this.handoff), zone);
	}

}
