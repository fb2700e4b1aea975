package org.vigil.gateway.security;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.OfficerId;

/**
 * Finds people in the directory view: a contact point's officers act for its country, the
 * network coordinators for none in particular.
 *
 * <p>
 * The demo network gives everyone one password ({@code vigil.gateway.demo-password});
 * without it nobody can log in with a password.
 */
class DirectoryPeople implements UserDetailsService {

	private final DirectoryView directory;

	private final String passwordHash;

	private final LoginThrottle throttle;

	DirectoryPeople(DirectoryView directory, String passwordHash, LoginThrottle throttle) {
		this.directory = directory;
		this.passwordHash = passwordHash;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (this.passwordHash == null) {
			throw new UsernameNotFoundException("password logins are not configured");
		}
		VigilUser user = find(username).orElseThrow(() -> new UsernameNotFoundException("no such person"));
		// Checked before the password, so a locked name answers the same whatever is
		// tried.
		return this.throttle.locked(username) ? user.locked() : user;
	}

	Optional<VigilUser> find(String username) {
		OfficerId id;
		try {
			id = OfficerId.of(username);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		for (ContactPoint contactPoint : this.directory.contactPoints()) {
			Optional<Officer> officer = contactPoint.officer(id);
			if (officer.isPresent()) {
				return Optional.of(new VigilUser(id, officer.get().name(), contactPoint.country(),
						officer.get().roles(), this.passwordHash));
			}
		}
		return this.directory.network()
			.map(NetworkSettings::coordinators)
			.flatMap((coordinators) -> coordinators.stream().filter((officer) -> officer.id().equals(id)).findFirst())
			.map((officer) -> new VigilUser(id, officer.name(), null, officer.roles(), this.passwordHash));
	}

}
