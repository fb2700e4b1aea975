package org.vigil.directory.party;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.notification.NotificationRules;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.notification.ContactChannel;

/**
 * A person who staffs a contact point.
 *
 * @param id their id, also their login
 * @param name their full name, as colleagues abroad will see it
 * @param roles what they may do; never empty
 * @param languages the languages they work in, as BCP 47 tags
 * @param contacts how they are reached outside the console; empty in entries written
 * before contact methods, and for someone who is reached in the console only
 * @param notifications which channels page them and when, per urgency; null for the
 * defaults of their roles ({@link NotificationRules#defaultFor})
 */
public record Officer(OfficerId id, String name, Set<Role> roles, List<String> languages, List<ContactMethod> contacts,
		NotificationRules notifications) {

	public Officer {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		roles = Set.copyOf(roles);
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("officer " + id + " has no role");
		}
	}

	/** An officer reached in the console only, with the default rules. */
	public Officer(OfficerId id, String name, Set<Role> roles, List<String> languages) {
		this(id, name, roles, languages, List.of(), null);
	}

	/** Their own rules, or their roles' defaults. */
	public NotificationRules effectiveNotifications() {
		return (this.notifications != null) ? this.notifications : NotificationRules.defaultFor(this.roles);
	}

	/**
	 * The verified address of a channel, if they have one; the first verified one if
	 * several.
	 */
	public Optional<ContactMethod> verifiedContact(ContactChannel channel) {
		return this.contacts.stream()
			.filter((contact) -> contact.channel() == channel && contact.verified())
			.findFirst();
	}

	/** The same officer with these contact methods instead. */
	public Officer withContacts(List<ContactMethod> replaced) {
		return new Officer(this.id, this.name, this.roles, this.languages, replaced, this.notifications);
	}

	/**
	 * The same officer with these rules instead.
	 * @param replaced their own rules; null to go back to their roles' defaults
	 */
	public Officer withNotifications(NotificationRules replaced) {
		return new Officer(this.id, this.name, this.roles, this.languages, this.contacts, replaced);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
