package org.vigil.directory.roster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.vigil.protocol.OfficerId;

/**
 * Who is on call over a stretch of time during which nothing changes, and why: one line
 * of a contact point's calendar.
 *
 * @param start inclusive
 * @param end exclusive, after {@code start}
 * @param primary who is on call
 * @param secondary who backs them up; null when nobody does (a rotation of one)
 * @param layer the layer in force; null for the base rotation
 * @param rotation the name of the rotation that put them there
 * @param shift which shift of that rotation
 * @param overrides the overrides that changed who is on call, in the order applied; never
 * null
 */
public record Duty(Instant start, Instant end, OfficerId primary, OfficerId secondary, String layer, String rotation,
		long shift, List<RosterOverride> overrides) {

	public Duty {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(primary, "primary");
		Objects.requireNonNull(rotation, "rotation");
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("a duty ends after it starts");
		}
		if (primary.equals(secondary)) {
			throw new IllegalArgumentException("the secondary backs up someone else");
		}
	}

	/** The same who and why over another stretch of time. */
	Duty during(Instant from, Instant until) {
		return new Duty(from, until, this.primary, this.secondary, this.layer, this.rotation, this.shift,
				this.overrides);
	}

	/** Whether the same people are on call for the same reason. */
	boolean sameAs(Duty other) {
		return this.primary.equals(other.primary) && Objects.equals(this.secondary, other.secondary)
				&& Objects.equals(this.layer, other.layer) && this.rotation.equals(other.rotation)
				&& this.shift == other.shift && this.overrides.equals(other.overrides);
	}

	/** Where it comes from, e.g. "layer 'weekend', rotation 'weekend duty', shift 12". */
	public String source() {
		String from = ((this.layer != null) ? "layer '" + this.layer + "', " : "") + "rotation '" + this.rotation
				+ "', shift " + this.shift;
		return this.overrides.isEmpty() ? from
				: from + "; " + String.join("; ", this.overrides.stream().map(RosterOverride::describe).toList());
	}

}
