package org.vigil.directory.roster;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A weekly stretch of local wall-clock time, e.g. Friday 18:00 to Monday 08:00, during
 * which a {@link Layer} is in force. Its edges are read like hand-offs, by
 * {@link WallClock#handoffInstant}: a time in a gap at the end of the gap, a time in an
 * overlap at its first occurrence.
 *
 * @param fromDay the day it opens
 * @param from the local time it opens, inclusive
 * @param untilDay the day it closes
 * @param until the local time it closes, exclusive; on the same day as it opens and not
 * after {@code from}, the window lasts a whole week less that
 */
public record TimeWindow(DayOfWeek fromDay, LocalTime from, DayOfWeek untilDay, LocalTime until) {

	public TimeWindow {
		Objects.requireNonNull(fromDay, "fromDay");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(untilDay, "untilDay");
		Objects.requireNonNull(until, "until");
		if (fromDay == untilDay && from.equals(until)) {
			throw new IllegalArgumentException("a window that closes when it opens: leave the layer unwindowed");
		}
	}

	/** The days from the opening day to the closing day, 0 to 6 (7 for a wrap). */
	private int spanDays() {
		int days = Math.floorMod(this.untilDay.getValue() - this.fromDay.getValue(), 7);
		return (days == 0 && !this.until.isAfter(this.from)) ? 7 : days;
	}

	/** The window that opens on this local date, which must be a {@code fromDay}. */
	Opening openingOn(LocalDate day, ZoneId zone) {
		return new Opening(WallClock.handoffInstant(day.atTime(this.from), zone),
				WallClock.handoffInstant(day.plusDays(spanDays()).atTime(this.until), zone));
	}

	/** Whether an opening of this window holds the instant. */
	boolean covers(Instant instant, ZoneId zone) {
		LocalDate day = instant.atZone(zone).toLocalDate();
		for (int back = 0; back <= 8; back++) {
			LocalDate candidate = day.minusDays(back);
			if (candidate.getDayOfWeek() == this.fromDay && openingOn(candidate, zone).covers(instant)) {
				return true;
			}
		}
		return false;
	}

	/** One occurrence of a window, in instants. */
	record Opening(Instant start, Instant end) {

		boolean covers(Instant instant) {
			return !instant.isBefore(this.start) && instant.isBefore(this.end);
		}

	}

}
