package org.vigil.gateway.security;

import java.util.EnumSet;
import java.util.Set;

import org.vigil.directory.party.Role;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.protocol.CountryCode;

/**
 * Who may see and do what with a request. A request is visible to the two Parties it
 * concerns and to the network coordinators, and to nobody else; within a Party, to the
 * people whose work is requests (requesters, officers, supervisors, auditors), not to
 * those who only administer the directory. docs/security.md has the whole matrix.
 */
public final class Access {

	/** The roles of a Party whose holders read its requests. */
	private static final Set<Role> READERS = EnumSet.of(Role.REQUESTER, Role.OFFICER, Role.SUPERVISOR, Role.AUDITOR);

	private Access() {
	}

	/**
	 * Whether the person reads requests at all: a coordinator, or someone with a country
	 * and a role among {@link #READERS}.
	 */
	public static boolean readsRequests(VigilUser user) {
		return user.isCoordinator() || (user.country().isPresent() && READERS.stream().anyMatch(user::has));
	}

	public static boolean canSee(VigilUser user, RequestStatus status) {
		if (user.isCoordinator()) {
			return true;
		}
		if (!readsRequests(user)) {
			return false;
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
