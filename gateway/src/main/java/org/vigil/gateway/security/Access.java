package org.vigil.gateway.security;

import org.vigil.directory.party.Role;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.protocol.CountryCode;

/**
 * Who may see and do what with a request. A request is visible to the two Parties it
 * concerns and to the network coordinators, and to nobody else; docs/security.md has the
 * whole matrix.
 */
public final class Access {

	private Access() {
	}

	public static boolean canSee(VigilUser user, RequestStatus status) {
		if (user.isCoordinator()) {
			return true;
		}
		return user.country()
			.map(CountryCode::value)
			.filter((country) -> country.equals(status.from()) || country.equals(status.to()))
			.isPresent();
	}

	/**
	 * Officers and supervisors of the requested Party, and the network coordinators; a
	 * drill, which measures the Party's own reachability, only the Party's own people.
	 */
	public static boolean canAcknowledge(VigilUser user, RequestStatus status) {
		if (user.isCoordinator() && !status.drill()) {
			return true;
		}
		CountryCode to = CountryCode.of(status.to());
		return user.actsFor(to, Role.OFFICER) || user.actsFor(to, Role.SUPERVISOR);
	}

}
