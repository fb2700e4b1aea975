package org.vigil.directory.party;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigil.protocol.OfficerId;

/**
 * A person who staffs a contact point.
 *
 * @param id their id, also their login
 * @param name their full name, as colleagues abroad will see it
 * @param roles what they may do; never empty
 * @param languages the languages they work in, as BCP 47 tags
 */
public record Officer(OfficerId id, String name, Set<Role> roles, List<String> languages) {

	public Officer {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		roles = Set.copyOf(roles);
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("officer " + id + " has no role");
		}
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
