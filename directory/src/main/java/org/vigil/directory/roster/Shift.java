package org.vigil.directory.roster;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;

/**
 * One turn of a rotation: from its hand-off instant up to, not including, the next.
 *
 * @param index which turn of the rotation this is, counted from its first day (may be
 * negative before it)
 * @param primary who is on call
 * @param secondary who backs them up: the next officer in the rotation, or the primary
 * when the rotation has one officer
 * @param start the hand-off that begins the shift, inclusive
 * @param end the next hand-off, exclusive
 */
public record Shift(long index, OfficerId primary, OfficerId secondary, Instant start, Instant end) {

	public Shift {
		Objects.requireNonNull(primary, "primary");
		Objects.requireNonNull(secondary, "secondary");
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("a shift ends after it starts");
		}
	}

	public boolean covers(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

}
