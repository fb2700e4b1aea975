package org.vigil.directory.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.roster.Shift;
import org.vigil.protocol.OfficerId;

/**
 * Answers "whom does this step page at instant T", from a contact point's directory
 * entry.
 */
public final class OnCall {

	private OnCall() {
	}

	/**
	 * @return the people to page, or empty when the step finds nobody (so it can be
	 * skipped rather than waited out)
	 */
	public static Optional<Paging> page(ContactPoint contactPoint, StepTarget target, Instant at) {
		Shift shift = contactPoint.rotation().shiftAt(at, contactPoint.zone());
		String shiftText = "%s rotation '%s', shift %d from %s to %s".formatted(contactPoint.country(),
				contactPoint.rotation().name(), shift.index(), shift.start(), shift.end());
		return switch (target) {
			case PRIMARY_ON_CALL -> Optional.of(new Paging(List.of(shift.primary()), "primary on call: " + shiftText));
			case SECONDARY_ON_CALL -> shift.secondary().equals(shift.primary()) ? Optional.empty()
					: Optional.of(new Paging(List.of(shift.secondary()), "secondary on call: " + shiftText));
			case SUPERVISORS -> {
				List<OfficerId> supervisors = contactPoint.withRole(Role.SUPERVISOR);
				yield supervisors.isEmpty() ? Optional.empty()
						: Optional.of(new Paging(supervisors, "supervisors of " + contactPoint.country()));
			}
		};
	}

}
