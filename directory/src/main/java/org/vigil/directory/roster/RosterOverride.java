package org.vigil.directory.roster;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

import org.vigil.protocol.OfficerId;

/**
 * A change to the roster for a while, for leave or a swap: {@code by} stands in for
 * {@code replaces} wherever the layers put them (primary or secondary), or, with no
 * {@code replaces}, {@code by} is primary. Its edges are local wall-clock date-times in
 * the contact point's zone, read by the hand-off rules of {@link WallClock}.
 *
 * @param name what the roster calls it, e.g. "leave of fr.martin"
 * @param replaces who is stood in for; null for "{@code by} is primary"
 * @param by who is on call instead
 * @param from local start, inclusive
 * @param until local end, exclusive, after {@code from}
 */
public record RosterOverride(String name, OfficerId replaces, OfficerId by, LocalDateTime from, LocalDateTime until) {

	public RosterOverride {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(until, "until");
		if (!from.isBefore(until)) {
			throw new IllegalArgumentException("override '" + name + "' ends after it starts");
		}
		if (by.equals(replaces)) {
			throw new IllegalArgumentException("override '" + name + "' replaces " + by + " by themselves");
		}
	}

	/** An override that makes {@code by} primary. */
	public static RosterOverride primary(String name, OfficerId by, LocalDateTime from, LocalDateTime until) {
		return new RosterOverride(name, null, by, from, until);
	}

	public Instant start(ZoneId zone) {
		return WallClock.handoffInstant(this.from, zone);
	}

	public Instant end(ZoneId zone) {
		return WallClock.handoffInstant(this.until, zone);
	}

	public boolean covers(Instant instant, ZoneId zone) {
		return !instant.isBefore(start(zone)) && instant.isBefore(end(zone));
	}

	/** What it does, for a reason shown to people: "'leave' replaces a by b until …". */
	public String describe() {
		String what = (this.replaces != null) ? "replaces " + this.replaces + " by " + this.by
				: "makes " + this.by + " primary";
		return "override '%s' %s until %s".formatted(this.name, what, this.until);
	}

}
