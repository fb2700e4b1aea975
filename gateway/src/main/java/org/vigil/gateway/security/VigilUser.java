package org.vigil.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.vigil.directory.party.Role;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

/**
 * A logged-in person: their directory id, their country (empty for the network
 * coordinators), and their roles, which hold for that country only; or a national system,
 * authenticated by its TLS client certificate, acting as its Party's requester.
 *
 * <p>
 * The administrator roles ({@link #ADMIN_ROLES}) count only once the person has given a
 * second factor (a TOTP code) in this session or request: until then {@link #has},
 * {@link #roles} and the granted authorities leave them out, and {@link #withheldRoles}
 * names them.
 */
public final class VigilUser implements UserDetails {

	private final OfficerId id;

	private final String name;

	private final CountryCode country;

	private final Set<Role> roles;

	/** Roles that need a second factor (TOTP) before they count. */
	public static final Set<Role> ADMIN_ROLES = Set.of(Role.COUNTRY_ADMIN, Role.NETWORK_ADMIN);

	private final String passwordHash;

	private final boolean locked;

	private final boolean secondFactor;

	VigilUser(OfficerId id, String name, CountryCode country, Set<Role> roles, String passwordHash) {
		this(id, name, country, roles, passwordHash, false, false);
	}

	private VigilUser(OfficerId id, String name, CountryCode country, Set<Role> roles, String passwordHash,
			boolean locked, boolean secondFactor) {
		this.id = Objects.requireNonNull(id, "id");
		this.name = name;
		this.country = country;
		this.roles = Set.copyOf(roles);
		this.passwordHash = passwordHash;
		this.locked = locked;
		this.secondFactor = secondFactor;
	}

	/**
	 * A Party's national system, authenticated by its TLS client certificate: it files
	 * and reads its Party's requests as a requester does, and holds no other role.
	 * @param id its name in audit entries and on the requests it files
	 */
	static VigilUser nationalSystem(OfficerId id, CountryCode country) {
		return new VigilUser(id, "National system of " + country, Objects.requireNonNull(country, "country"),
				Set.of(Role.REQUESTER), null, false, false);
	}

	/** The same person, refused at login until the throttle lets them try again. */
	VigilUser locked() {
		return new VigilUser(this.id, this.name, this.country, this.roles, this.passwordHash, true, this.secondFactor);
	}

	/**
	 * The same person, having given a valid second factor: every role they hold counts.
	 */
	public VigilUser withSecondFactor() {
		return new VigilUser(this.id, this.name, this.country, this.roles, null, this.locked, true);
	}

	/** Whether this session or request passed a second factor. */
	public boolean hasSecondFactor() {
		return this.secondFactor;
	}

	/** The roles this person holds that do not count yet, for want of a second factor. */
	public Set<Role> withheldRoles() {
		return withheld();
	}

	/**
	 * For a refusal's detail: which roles would have counted with a second factor, and
	 * where to give one; empty if none is withheld.
	 */
	public String secondFactorHint() {
		Set<Role> withheld = withheld();
		if (withheld.isEmpty()) {
			return "";
		}
		return "; your roles " + withheld.stream().map(Enum::name).sorted().toList()
				+ " count only with a second factor: set one up at /login/totp/enrol, or log in again with your code";
	}

	private Set<Role> withheld() {
		if (this.secondFactor) {
			return Set.of();
		}
		return this.roles.stream().filter(ADMIN_ROLES::contains).collect(Collectors.toUnmodifiableSet());
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

	/**
	 * The roles that count now (without a second factor, not the administrator roles).
	 */
	public Set<Role> roles() {
		Set<Role> withheld = withheldRoles();
		return withheld.isEmpty() ? this.roles
				: this.roles.stream()
					.filter((role) -> !withheld.contains(role))
					.collect(Collectors.toUnmodifiableSet());
	}

	public boolean has(Role role) {
		return roles().contains(role);
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
		return List.copyOf(roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
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
