package org.vigil.directory.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.roster.Duty;
import org.vigil.protocol.OfficerId;

/**
 * Answers "whom does this step page at instant T", "who is on call now and why" and "who
 * is on call over the next days", from a contact point's directory entry alone: pure
 * functions, no I/O.
 */
public final class OnCall {

	private OnCall() {
	}

	/**
	 * @return the people to page, or empty when the step finds nobody (so it can be
	 * skipped rather than waited out)
	 */
	public static Optional<Paging> page(ContactPoint contactPoint, StepTarget target, Instant at) {
		return switch (target.kind()) {
			case PRIMARY_ON_CALL -> {
				Duty duty = contactPoint.schedule().decide(at);
				yield Optional.of(new Paging(List.of(duty.primary()), "primary on call: " + why(contactPoint, duty)));
			}
			case SECONDARY_ON_CALL -> {
				Duty duty = contactPoint.schedule().decide(at);
				yield Optional.ofNullable(duty.secondary())
					.map((secondary) -> new Paging(List.of(secondary),
							"secondary on call: " + why(contactPoint, duty)));
			}
			case SUPERVISORS ->
				everyone(contactPoint.withRole(Role.SUPERVISOR), "supervisors of " + contactPoint.country());
			case TEAM -> everyone(contactPoint.withRole(Role.OFFICER), "the whole team of " + contactPoint.country());
			case NAMED_OFFICERS ->
				everyone(target.officers().stream().filter((id) -> contactPoint.officer(id).isPresent()).toList(),
						"officers named by step of " + contactPoint.country() + "'s policy");
		};
	}

	/**
	 * Who is primary and secondary at an instant, from which layer, rotation, shift and
	 * overrides.
	 */
	public static OnCallNow now(ContactPoint contactPoint, Instant at) {
		Duty duty = contactPoint.schedule().at(at);
		return new OnCallNow(contactPoint.country(), at, duty, why(contactPoint, duty));
	}

	/**
	 * The calendar of the next {@code days} days from {@code from}: consecutive duties,
	 * the first starting at {@code from}, the last ending {@code days} local days later
	 * (same wall-clock time), with layers and overrides cut in.
	 */
	public static List<Duty> calendar(ContactPoint contactPoint, Instant from, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("a calendar covers at least a day");
		}
		Instant until = from.atZone(contactPoint.zone()).plusDays(days).toInstant();
		return contactPoint.schedule().between(from, until);
	}

	private static Optional<Paging> everyone(List<OfficerId> officers, String reason) {
		return officers.isEmpty() ? Optional.empty() : Optional.of(new Paging(officers, reason));
	}

	/** E.g. "FR rotation '24/7 duty', shift 12 from … to …; override 'leave' …". */
	private static String why(ContactPoint contactPoint, Duty duty) {
		String layer = (duty.layer() != null) ? "layer '" + duty.layer() + "', " : "";
		String text = "%s %srotation '%s', shift %d from %s to %s".formatted(contactPoint.country(), layer,
				duty.rotation(), duty.shift(), duty.start(), duty.end());
		for (var override : duty.overrides()) {
			text += "; " + override.describe() + " " + contactPoint.zone();
		}
		return text;
	}

}
