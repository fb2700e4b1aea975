package org.vigil.gateway.contacts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.directory.notification.NotificationRule;
import org.vigil.directory.notification.NotificationRules;
import org.vigil.directory.party.Officer;
import org.vigil.gateway.problem.FieldError;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.ContactChannel;

/**
 * The rules an officer may set for themself, checked in two steps. {@link #parse} checks
 * the body alone (before the directory's edit lock is taken): every urgency named once,
 * known channels, one rule per channel and urgency, delays from zero to
 * {@link #MAX_AFTER} in whole seconds. {@link #requireReachable} then checks them against
 * the officer's entry as it is under the lock: every rule's channel has a verified
 * method, so that no rule pages nowhere, and an EMERGENCY pages at once by at least one
 * of them. Every wrong field is named, as {@code rules.EMERGENCY[1].after}.
 */
final class OwnRules {

	/**
	 * The longest delay a rule may have. An hour is already longer than any step of an
	 * EMERGENCY or URGENT ladder: a rule later than its step's deadline never fires,
	 * because the next step's page supersedes it; a longer one is a typing mistake.
	 */
	static final Duration MAX_AFTER = Duration.ofHours(1);

	/** One rule per channel: there are no more channels than this. */
	private static final int MAX_PER_URGENCY = ContactChannel.values().length - 1;

	private OwnRules() {
	}

	/**
	 * One rule as the body writes it.
	 *
	 * @param channel EMAIL, SMS, VOICE or PUSH
	 * @param after an ISO 8601 duration ({@code PT0S}, {@code PT2M}); absent for at once
	 */
	record Rule(String channel, String after) {
	}

	/**
	 * The body of {@code PUT /api/v1/me/contacts/rules}.
	 *
	 * @param rules every urgency (EMERGENCY, URGENT, ROUTINE), each with its rules; an
	 * empty list alerts the console only (not allowed for EMERGENCY)
	 */
	record Body(Map<String, List<Rule>> rules) {
	}

	/**
	 * The rules the body asks for, per urgency in the order the body lists them (so that
	 * {@link #requireReachable} names the fields as written).
	 * @throws InvalidFields naming every wrong field; nothing is written
	 */
	static Map<Urgency, List<NotificationRule>> parse(Body body) {
		if (body == null || body.rules() == null) {
			throw InvalidFields.of("rules", "is required: the rules of EMERGENCY, URGENT and ROUTINE");
		}
		List<FieldError> errors = new ArrayList<>();
		Map<Urgency, List<NotificationRule>> byUrgency = new EnumMap<>(Urgency.class);
		for (Map.Entry<String, List<Rule>> entry : body.rules().entrySet()) {
			String field = "rules." + abbreviate(String.valueOf(entry.getKey()));
			Urgency urgency = urgency(entry.getKey());
			if (urgency == null) {
				errors.add(new FieldError(field, "is not an urgency (" + names(Urgency.values()) + ")"));
				continue;
			}
			List<Rule> rules = entry.getValue();
			if (rules == null) {
				errors.add(new FieldError(field, "is required; an empty list alerts the console only"));
				continue;
			}
			if (rules.size() > MAX_PER_URGENCY) {
				errors.add(new FieldError(field,
						"has " + rules.size() + " rules; one per channel makes at most " + MAX_PER_URGENCY));
				continue;
			}
			byUrgency.put(urgency, parse(field, rules, errors));
		}
		for (Urgency urgency : Urgency.values()) {
			if (!body.rules().containsKey(urgency.name())) {
				errors.add(new FieldError("rules." + urgency,
						"is required; an empty list alerts the console only (not for EMERGENCY)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFields(ProblemTypes.INVALID_FIELDS, errors);
		}
		return byUrgency;
	}

	private static List<NotificationRule> parse(String field, List<Rule> rules, List<FieldError> errors) {
		List<NotificationRule> parsed = new ArrayList<>();
		Set<ContactChannel> seen = new HashSet<>();
		for (int i = 0; i < rules.size(); i++) {
			String at = field + "[" + i + "]";
			Rule rule = rules.get(i);
			if (rule == null) {
				errors.add(new FieldError(at, "is required: {\"channel\", \"after\"}"));
				continue;
			}
			ContactChannel channel = channel(at + ".channel", rule.channel(), errors);
			Duration after = after(at + ".after", rule.after(), errors);
			if (channel == null || after == null) {
				continue;
			}
			if (!seen.add(channel)) {
				errors.add(new FieldError(at + ".channel",
						channel + " already has a rule in " + field + "; one rule per channel and urgency"));
				continue;
			}
			parsed.add(new NotificationRule(channel, after));
		}
		return parsed;
	}

	private static ContactChannel channel(String field, String value, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "is required (EMAIL, SMS, VOICE or PUSH)"));
			return null;
		}
		if (value.equals(ContactChannel.CONSOLE.name())) {
			errors.add(new FieldError(field, "the console is always alerted; it needs no rule"));
			return null;
		}
		for (ContactChannel channel : ContactChannel.values()) {
			if (channel != ContactChannel.CONSOLE && channel.name().equals(value)) {
				return channel;
			}
		}
		errors.add(new FieldError(field, "'" + abbreviate(value) + "' is not a channel (EMAIL, SMS, VOICE or PUSH)"));
		return null;
	}

	private static Duration after(String field, String value, List<FieldError> errors) {
		if (value == null) {
			return Duration.ZERO;
		}
		Duration after;
		try {
			after = Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field,
					"'" + abbreviate(value) + "' is not an ISO 8601 duration such as PT0S (at once) or PT2M"));
			return null;
		}
		if (after.isNegative()) {
			errors.add(new FieldError(field, "is negative: a rule cannot send before the page"));
			return null;
		}
		if (after.compareTo(MAX_AFTER) > 0) {
			errors.add(new FieldError(field, "is longer than " + MAX_AFTER + " (" + MAX_AFTER.toMinutes()
					+ " minutes), the most a rule may wait"));
			return null;
		}
		if (after.getNano() != 0) {
			errors.add(new FieldError(field, "must be whole seconds"));
			return null;
		}
		return after;
	}

	/**
	 * Checks the rules against the officer's entry: a rule whose channel they have no
	 * verified method for would page nowhere, and an EMERGENCY must page at once.
	 * @throws InvalidFields naming every rule that cannot page
	 */
	static NotificationRules requireReachable(Map<Urgency, List<NotificationRule>> rules, Officer officer) {
		List<FieldError> errors = new ArrayList<>();
		for (Urgency urgency : Urgency.values()) {
			List<NotificationRule> ofUrgency = rules.getOrDefault(urgency, List.of());
			for (int i = 0; i < ofUrgency.size(); i++) {
				ContactChannel channel = ofUrgency.get(i).channel();
				if (officer.verifiedContact(channel).isEmpty()) {
					errors.add(new FieldError("rules." + urgency + "[" + i + "].channel",
							"you have no verified " + channel.words() + " method: add and verify one first, "
									+ "or this rule would page nowhere"));
				}
			}
		}
		if (rules.getOrDefault(Urgency.EMERGENCY, List.of()).stream().noneMatch((rule) -> rule.after().isZero())) {
			errors.add(new FieldError("rules.EMERGENCY",
					"needs a rule at once (PT0S): the console alone does not wake anyone for an emergency"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFields(ProblemTypes.INVALID_FIELDS, errors);
		}
		return new NotificationRules(rules);
	}

	private static Urgency urgency(String name) {
		return Arrays.stream(Urgency.values()).filter((u) -> u.name().equals(name)).findFirst().orElse(null);
	}

	private static String names(Enum<?>[] values) {
		return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
	}

	/** Echoes at most a few characters of what a caller sent. */
	private static String abbreviate(String value) {
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 20) ? printable.substring(0, 20) + "…" : printable;
	}

}
