package org.vigil.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.vigil.directory.party.Role;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

/**
 * A logged-in person: their directory id, their country (empty for the network
 * coordinators), and their roles, which hold for that country only.
 */
public final class VigilUser implements UserDetails {

	private final OfficerId id;

	private final String name;

	private final CountryCode country;

	private final Set<Role> roles;

	private final String passwordHash;

	private final boolean locked;

	VigilUser(OfficerId id, String name, CountryCode country, Set<Role> roles, String passwordHash) {
		this(id, name, country, roles, passwordHash, false);
	}

	private VigilUser(OfficerId id, String name, CountryCode country, Set<Role> roles, String passwordHash,
			boolean locked) {
		this.id = Objects.requireNonNull(id, "id");
		this.name = name;
		this.country = country;
		this.roles = Set.copyOf(roles);
		this.passwordHash = passwordHash;
		this.locked = locked;
	}

	/** The same person, refused at login until the throttle lets them try again. */
	VigilUser locked() {
		return new VigilUser(this.id, this.name, this.country, this.roles, this.passwordHash, true);
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	public OfficerId id() {
		return this.id;
	}

	public String displayName() {
		return this.name;
	}

	public Optional<CountryCode> country() {
		return Optional.ofNullable(this.country);
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Whether this person acts for that country with that role. */
	public boolean actsFor(CountryCode country, Role role) {
		return has(role) && country.equals(this.country);
	}

	public boolean isCoordinator() {
		return has(Role.COORDINATOR);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List
			.copyOf(this.roles.stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.id.value();
	}

}
