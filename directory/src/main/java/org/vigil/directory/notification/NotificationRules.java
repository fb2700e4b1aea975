package org.vigil.directory.notification;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.directory.party.Role;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.ContactChannel;

/**
 * Which channels page an officer, and when, for each urgency. An urgency with no rules
 * alerts the console only. Rules of one urgency are kept in the order they fire (then the
 * order written), which is also the order a failed channel hands over in.
 *
 * @param byUrgency the rules per urgency
 */
public record NotificationRules(Map<Urgency, List<NotificationRule>> byUrgency) {

	public NotificationRules {
		EnumMap<Urgency, List<NotificationRule>> copy = new EnumMap<>(Urgency.class);
		if (byUrgency != null) {
			byUrgency.forEach((urgency, rules) -> copy.put(urgency,
					rules.stream().sorted(Comparator.comparing(NotificationRule::after)).toList()));
		}
		byUrgency = Map.copyOf(copy);
		for (List<NotificationRule> rules : byUrgency.values()) {
			if (rules.stream().map(NotificationRule::channel).distinct().count() != rules.size()) {
				throw new IllegalArgumentException("one rule per channel and urgency: a second would be a duplicate");
			}
		}
	}

	/** The rules for an urgency, in the order they fire; empty for none. */
	public List<NotificationRule> forUrgency(Urgency urgency) {
		return this.byUrgency.getOrDefault(urgency, List.of());
	}

	/**
	 * The rules in words, urgency by urgency, for an audit entry or a log line: for
	 * example {@code EMERGENCY: SMS at once, VOICE after PT2M; URGENT: console only}.
	 * Never an address: rules name channels only.
	 */
	public String summary() {
		StringBuilder text = new StringBuilder();
		for (Urgency urgency : Urgency.values()) {
			if (!this.byUrgency.containsKey(urgency)) {
				continue;
			}
			List<NotificationRule> rules = forUrgency(urgency);
			text.append((text.length() > 0) ? "; " : "").append(urgency).append(": ");
			text.append(rules.isEmpty() ? "console only"
					: String.join(", ", rules.stream()
						.map((rule) -> rule.channel() + (rule.after().isZero() ? " at once" : " after " + rule.after()))
						.toList()));
		}
		return (text.length() > 0) ? text.toString() : "console only";
	}

	private static final NotificationRules PAGED = new NotificationRules(Map.of(
			// Life at risk: wake them by every means at once, then ring.
			Urgency.EMERGENCY,
			List.of(NotificationRule.now(ContactChannel.PUSH), NotificationRule.now(ContactChannel.SMS),
					NotificationRule.now(ContactChannel.EMAIL),
					NotificationRule.after(ContactChannel.VOICE, Duration.ofMinutes(2))),
			// Data at risk within hours: a push and a mail, a text if the console stays
			// silent.
			Urgency.URGENT,
			List.of(NotificationRule.now(ContactChannel.PUSH), NotificationRule.now(ContactChannel.EMAIL),
					NotificationRule.after(ContactChannel.SMS, Duration.ofMinutes(10))),
			// Nobody is woken for a routine request.
			Urgency.ROUTINE, List.of(NotificationRule.now(ContactChannel.EMAIL))));

	private static final NotificationRules NONE = new NotificationRules(Map.of());

	/**
	 * The rules an officer has until they set their own: everyone who can be paged
	 * (officers, supervisors, coordinators) gets the same ladder of channels; anyone else
	 * is never paged and gets none.
	 */
	public static NotificationRules defaultFor(Set<Role> roles) {
		boolean paged = roles.contains(Role.OFFICER) || roles.contains(Role.SUPERVISOR)
				|| roles.contains(Role.COORDINATOR);
		return paged ? PAGED : NONE;
	}

}
