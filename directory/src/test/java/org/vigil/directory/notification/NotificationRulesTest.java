package org.vigil.directory.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationRulesTest {

	@Test
	void anEmergencyPagesByPushSmsAndMailAtOnceAndCallsAfterTwoMinutes() {
		List<NotificationRule> rules = NotificationRules.defaultFor(Set.of(Role.OFFICER)).forUrgency(Urgency.EMERGENCY);

		assertThat(rules).containsExactly(NotificationRule.now(ContactChannel.PUSH),
				NotificationRule.now(ContactChannel.SMS), NotificationRule.now(ContactChannel.EMAIL),
				NotificationRule.after(ContactChannel.VOICE, Duration.ofMinutes(2)));
	}

	@Test
	void aRoutineRequestIsMailedOnly() {
		assertThat(NotificationRules.defaultFor(Set.of(Role.SUPERVISOR)).forUrgency(Urgency.ROUTINE))
			.containsExactly(NotificationRule.now(ContactChannel.EMAIL));
	}

	@Test
	void peopleWhoAreNeverPagedHaveNoRules() {
		NotificationRules rules = NotificationRules.defaultFor(Set.of(Role.REQUESTER, Role.COUNTRY_ADMIN));

		assertThat(rules.forUrgency(Urgency.EMERGENCY)).isEmpty();
	}

	@Test
	void rulesFireInTheOrderOfTheirDelays() {
		NotificationRules rules = new NotificationRules(
				Map.of(Urgency.URGENT, List.of(NotificationRule.after(ContactChannel.VOICE, Duration.ofMinutes(5)),
						NotificationRule.now(ContactChannel.SMS))));

		assertThat(rules.forUrgency(Urgency.URGENT)).extracting(NotificationRule::channel)
			.containsExactly(ContactChannel.SMS, ContactChannel.VOICE);
	}

	@Test
	void refusesTwoRulesForOneChannel() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new NotificationRules(Map.of(Urgency.URGENT, List.of(NotificationRule.now(ContactChannel.SMS),
						NotificationRule.after(ContactChannel.SMS, Duration.ofMinutes(1))))));
	}

	@Test
	void saysTheRulesInWordsUrgencyByUrgency() {
		assertThat(NotificationRules.defaultFor(Set.of(Role.OFFICER)).summary())
			.isEqualTo("EMERGENCY: PUSH at once, SMS at once, EMAIL at once, VOICE after PT2M; "
					+ "URGENT: PUSH at once, EMAIL at once, SMS after PT10M; ROUTINE: EMAIL at once");
		assertThat(NotificationRules.defaultFor(Set.of(Role.REQUESTER)).summary()).isEqualTo("console only");
	}

	@Test
	void anOfficerWithOwnRulesGoesBackToTheDefaultsWithNone() {
		Officer officer = new Officer(OfficerId.of("de.test"), "Test", Set.of(Role.OFFICER), List.of("de"))
			.withNotifications(new NotificationRules(
					Map.of(Urgency.EMERGENCY, List.of(NotificationRule.now(ContactChannel.SMS)))));

		assertThat(officer.effectiveNotifications().forUrgency(Urgency.EMERGENCY))
			.containsExactly(NotificationRule.now(ContactChannel.SMS));
		assertThat(officer.withNotifications(null).effectiveNotifications())
			.isEqualTo(NotificationRules.defaultFor(Set.of(Role.OFFICER)));
	}

	@Test
	void refusesAddressesThatCannotBeTheirChannels() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ContactMethod(ContactChannel.SMS, "0612345678", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ContactMethod(ContactChannel.EMAIL, "not an address", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ContactMethod(ContactChannel.CONSOLE, "anything", null));
	}

	@Test
	void onlyVerifiedAddressesAreUsed() {
		Officer officer = new Officer(OfficerId.of("de.test"), "Test", Set.of(Role.OFFICER), List.of(), List.of(
				new ContactMethod(ContactChannel.SMS, "+4915112345678", null),
				new ContactMethod(ContactChannel.EMAIL, "test@police.example", Instant.parse("2026-01-01T00:00:00Z"))),
				null);

		assertThat(officer.verifiedContact(ContactChannel.SMS)).isEmpty();
		assertThat(officer.verifiedContact(ContactChannel.EMAIL)).isPresent();
	}

	@Test
	void anOfficerWrittenBeforeContactMethodsReadsWithTheDefaults() {
		Officer officer = WireJson.read("""
				{"id": "fr.durand", "name": "Durand", "roles": ["OFFICER"], "languages": ["fr"]}"""
			.getBytes(StandardCharsets.UTF_8), Officer.class);

		assertThat(officer.contacts()).isEmpty();
		assertThat(officer.notifications()).isNull();
		assertThat(officer.effectiveNotifications()).isEqualTo(NotificationRules.defaultFor(Set.of(Role.OFFICER)));
	}

	@Test
	void ownRulesAndContactsSurviveTheWire() {
		Officer officer = new Officer(OfficerId.of("de.test"), "Test", Set.of(Role.OFFICER), List.of("de"),
				List.of(new ContactMethod(ContactChannel.VOICE, "+4915112345678",
						Instant.parse("2026-01-01T00:00:00Z"))),
				new NotificationRules(Map.of(Urgency.EMERGENCY,
						List.of(NotificationRule.after(ContactChannel.VOICE, Duration.ofSeconds(90))))));

		assertThat(WireJson.read(WireJson.write(officer), Officer.class)).isEqualTo(officer);
	}

	@Test
	void theDemoOfficersHaveVerifiedAddresses() {
		Officer mueller = SeedDirectory.demo()
			.contactPoints()
			.stream()
			.filter((contactPoint) -> contactPoint.country().equals(CountryCode.of("DE")))
			.flatMap((contactPoint) -> contactPoint.officers().stream())
			.filter((officer) -> officer.id().value().equals("de.mueller"))
			.findFirst()
			.orElseThrow();

		assertThat(mueller.verifiedContact(ContactChannel.EMAIL)).isPresent();
		assertThat(mueller.verifiedContact(ContactChannel.SMS)).isPresent();
		assertThat(mueller.verifiedContact(ContactChannel.VOICE)).isPresent();
	}

}
