package org.vigil.directory.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.vigil.protocol.OfficerId;

/**
 * A contact point's whole roster in its zone: a base rotation that covers all time,
 * layers stacked above it, and overrides on top. Who is on call at an instant is decided
 * in that order:
 * <ol>
 * <li>the highest layer in force at the instant (the last listed whose windows hold it),
 * else the base rotation, gives the shift, its primary and its secondary;</li>
 * <li>each override in force is then applied in the order listed: a replacement swaps its
 * officer out wherever they are primary or secondary; a "primary" override makes its
 * officer primary, the former primary becoming secondary if the new one was.</li>
 * </ol>
 * Since the base rotation always has someone on call, the schedule never has a hole, and
 * since each instant has exactly one answer, never two primaries.
 *
 * @param zone the contact point's zone
 * @param base the rotation under all layers
 * @param layers from lowest to highest
 * @param overrides in the order they apply
 */
public record Schedule(ZoneId zone, Rotation base, List<Layer> layers, List<RosterOverride> overrides) {

	public Schedule {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(base, "base");
		layers = (layers != null) ? List.copyOf(layers) : List.of();
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	/**
	 * Who is on call at an instant, and why. The duty's start and end are those of the
	 * unchanged stretch around the instant, looked for no further than the longest shift
	 * and a week either side.
	 */
	public Duty at(Instant instant) {
		Duration reach = Duration.ofDays(longestShiftDays() + 8L);
		return between(instant.minus(reach), instant.plus(reach)).stream()
			.filter((duty) -> !instant.isBefore(duty.start()) && instant.isBefore(duty.end()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Who is on call and why at one instant; the start and end of the result are those of
	 * the winning rotation's shift only, which may be cut by a layer's window or an
	 * override. Cheaper than {@link #at}: for paging.
	 */
	public Duty decide(Instant instant) {
		Layer winning = null;
		for (int k = this.layers.size() - 1; k >= 0 && winning == null; k--) {
			if (this.layers.get(k).inForce(instant, this.zone)) {
				winning = this.layers.get(k);
			}
		}
		Rotation rotation = (winning != null) ? winning.rotation() : this.base;
		Shift shift = rotation.shiftAt(instant, this.zone);
		OfficerId primary = shift.primary();
		OfficerId secondary = shift.secondary().equals(primary) ? null : shift.secondary();
		List<RosterOverride> applied = new ArrayList<>();
		for (RosterOverride override : this.overrides) {
			if (!override.covers(instant, this.zone)) {
				continue;
			}
			OfficerId by = override.by();
			if (override.replaces() == null) {
				if (!by.equals(primary)) {
					secondary = by.equals(secondary) ? primary : secondary;
					primary = by;
					applied.add(override);
				}
				continue;
			}
			if (override.replaces().equals(primary)) {
				primary = by;
			}
			else if (override.replaces().equals(secondary)) {
				secondary = by;
			}
			else {
				continue;
			}
			applied.add(override);
			if (primary.equals(secondary)) {
				// The stand-in was already the other one on call: the next in the
				// rotation backs them up.
				secondary = nextAfter(rotation, primary, override.replaces());
			}
		}
		return new Duty(shift.start(), shift.end(), primary, secondary, (winning != null) ? winning.name() : null,
				rotation.name(), shift.index(), applied);
	}

	/**
	 * The calendar from {@code from} up to {@code until}: consecutive duties, the first
	 * starting at {@code from} and the last ending at {@code until}, each a stretch
	 * during which the same people are on call for the same reason.
	 */
	public List<Duty> between(Instant from, Instant until) {
		if (!from.isBefore(until)) {
			throw new IllegalArgumentException("a calendar ends after it starts");
		}
		TreeSet<Instant> changes = new TreeSet<>();
		changes.add(from);
		List<Rotation> rotations = new ArrayList<>();
		rotations.add(this.base);
		this.layers.forEach((layer) -> rotations.add(layer.rotation()));
		for (Rotation rotation : rotations) {
			Shift shift = rotation.shiftAt(from, this.zone);
			while (shift.end().isBefore(until)) {
				changes.add(shift.end());
				shift = rotation.shift(shift.index() + 1, this.zone);
			}
		}
		LocalDate firstDay = from.atZone(this.zone).toLocalDate().minusDays(8);
		LocalDate lastDay = until.atZone(this.zone).toLocalDate();
		for (Layer layer : this.layers) {
			for (TimeWindow window : layer.windows()) {
				for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
					if (day.getDayOfWeek() == window.fromDay()) {
						TimeWindow.Opening opening = window.openingOn(day, this.zone);
						changes.add(opening.start());
						changes.add(opening.end());
					}
				}
			}
		}
		for (RosterOverride override : this.overrides) {
			changes.add(override.start(this.zone));
			changes.add(override.end(this.zone));
		}
		List<Instant> edges = new ArrayList<>(changes.subSet(from, true, until, false));
		edges.add(until);
		List<Duty> calendar = new ArrayList<>();
		for (int k = 0; k + 1 < edges.size(); k++) {
			Duty piece = decide(edges.get(k)).during(edges.get(k), edges.get(k + 1));
			Duty last = calendar.isEmpty() ? null : calendar.get(calendar.size() - 1);
			if (last != null && last.sameAs(piece)) {
				calendar.set(calendar.size() - 1, last.during(last.start(), piece.end()));
			}
			else {
				calendar.add(piece);
			}
		}
		return List.copyOf(calendar);
	}

	private int longestShiftDays() {
		int longest = this.base.longestShiftDays();
		for (Layer layer : this.layers) {
			longest = Math.max(longest, layer.rotation().longestShiftDays());
		}
		return longest;
	}

	/**
	 * The first officer of the rotation after {@code after} who is neither of the two.
	 */
	private static OfficerId nextAfter(Rotation rotation, OfficerId after, OfficerId away) {
		List<OfficerId> officers = rotation.officers();
		int start = Math.max(officers.indexOf(after), 0);
		for (int k = 1; k <= officers.size(); k++) {
			OfficerId candidate = officers.get((start + k) % officers.size());
			if (!candidate.equals(after) && !candidate.equals(away)) {
				return candidate;
			}
		}
		return null;
	}

}
