package org.vigil.gateway.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.notification.NotificationRule;
import org.vigil.directory.notification.NotificationRules;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.gateway.problem.FieldError;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OwnRulesTest {

	private static final Instant VERIFIED = Instant.parse("2026-11-01T00:00:00Z");

	/** Verified e-mail and SMS; an unverified voice number; no push. */
	private static final Officer OFFICER = new Officer(OfficerId.of("fr.rules"), "Rules", Set.of(Role.OFFICER),
			List.of("fr"),
			List.of(new ContactMethod(ContactChannel.EMAIL, "rules@police.example", VERIFIED),
					new ContactMethod(ContactChannel.SMS, "+33612345678", VERIFIED),
					new ContactMethod(ContactChannel.VOICE, "+33612345678", null)),
			null);

	private static OwnRules.Rule rule(String channel, String after) {
		return new OwnRules.Rule(channel, after);
	}

	private static OwnRules.Body body(List<OwnRules.Rule> emergency, List<OwnRules.Rule> urgent,
			List<OwnRules.Rule> routine) {
		Map<String, List<OwnRules.Rule>> rules = new HashMap<>();
		rules.put("EMERGENCY", emergency);
		rules.put("URGENT", urgent);
		rules.put("ROUTINE", routine);
		return new OwnRules.Body(rules);
	}

	private static List<FieldError> errors(Runnable call) {
		InvalidFields refused = catchThrowableOfType(InvalidFields.class, call::run);
		assertThat(refused).as("refused").isNotNull();
		return refused.errors();
	}

	@Test
	void acceptsRulesOnVerifiedChannelsWithAnEmergencyAtOnce() {
		NotificationRules rules = OwnRules.requireReachable(OwnRules
			.parse(body(List.of(rule("EMAIL", "PT0S"), rule("SMS", "PT3M")), List.of(rule("EMAIL", null)), List.of())),
				OFFICER);

		assertThat(rules.forUrgency(Urgency.EMERGENCY)).containsExactly(NotificationRule.now(ContactChannel.EMAIL),
				NotificationRule.after(ContactChannel.SMS, Duration.ofMinutes(3)));
		assertThat(rules.forUrgency(Urgency.URGENT)).containsExactly(NotificationRule.now(ContactChannel.EMAIL));
		assertThat(rules.forUrgency(Urgency.ROUTINE)).isEmpty();
		assertThat(rules.summary())
			.isEqualTo("EMERGENCY: EMAIL at once, SMS after PT3M; URGENT: EMAIL at once; ROUTINE: console only");
	}

	@Test
	void namesEveryWrongFieldOfTheBody() {
		List<FieldError> errors = errors(() -> OwnRules.parse(
				body(List.of(rule("FAX", "PT0S"), rule("CONSOLE", null), rule("SMS", "PT-1M"), rule("EMAIL", "soon")),
						List.of(rule("EMAIL", "PT0S"), rule("EMAIL", "PT1M"), rule("SMS", "PT61M")),
						List.of(rule("SMS", "PT0.5S")))));

		assertThat(errors).extracting(FieldError::field)
			.containsExactlyInAnyOrder("rules.EMERGENCY[0].channel", "rules.EMERGENCY[1].channel",
					"rules.EMERGENCY[2].after", "rules.EMERGENCY[3].after", "rules.URGENT[1].channel",
					"rules.URGENT[2].after", "rules.ROUTINE[0].after");
		assertThat(errors).filteredOn((error) -> error.field().equals("rules.URGENT[2].after"))
			.singleElement()
			.extracting(FieldError::message)
			.asString()
			.contains("PT1H");
	}

	@Test
	void everyUrgencyIsNamedAndNoOtherOne() {
		Map<String, List<OwnRules.Rule>> rules = new HashMap<>();
		rules.put("EMERGENCY", List.of(rule("EMAIL", "PT0S")));
		rules.put("SEVERE", List.of());
		rules.put("ROUTINE", null);

		assertThat(errors(() -> OwnRules.parse(new OwnRules.Body(rules)))).extracting(FieldError::field)
			.containsExactlyInAnyOrder("rules.SEVERE", "rules.ROUTINE", "rules.URGENT");
		assertThat(errors(() -> OwnRules.parse(null))).extracting(FieldError::field).containsExactly("rules");
		assertThat(errors(() -> OwnRules.parse(new OwnRules.Body(null)))).extracting(FieldError::field)
			.containsExactly("rules");
	}

	@Test
	void refusesMoreRulesThanChannelsWithOneError() {
		OwnRules.Rule[] many = new OwnRules.Rule[1000];
		Arrays.fill(many, rule("EMAIL", "PT0S"));

		assertThat(errors(() -> OwnRules.parse(body(Arrays.asList(many), List.of(), List.of()))))
			.extracting(FieldError::field)
			.containsExactly("rules.EMERGENCY");
	}

	@Test
	void refusesARuleThatWouldPageNowhere() {
		List<FieldError> errors = errors(() -> OwnRules.requireReachable(OwnRules
			.parse(body(List.of(rule("EMAIL", "PT0S"), rule("VOICE", "PT2M")), List.of(rule("PUSH", null)), List.of())),
				OFFICER));

		assertThat(errors).extracting(FieldError::field)
			.containsExactlyInAnyOrder("rules.EMERGENCY[1].channel", "rules.URGENT[0].channel");
		assertThat(errors).extracting(FieldError::message).allMatch((message) -> message.contains("no verified"));
	}

	@Test
	void anEmergencyMustPageAtOnce() {
		assertThat(
				errors(() -> OwnRules.requireReachable(OwnRules.parse(body(List.of(), List.of(), List.of())), OFFICER)))
			.extracting(FieldError::field)
			.containsExactly("rules.EMERGENCY");
		assertThat(errors(() -> OwnRules
			.requireReachable(OwnRules.parse(body(List.of(rule("SMS", "PT1M")), List.of(), List.of())), OFFICER)))
			.extracting(FieldError::field)
			.containsExactly("rules.EMERGENCY");
	}

}
