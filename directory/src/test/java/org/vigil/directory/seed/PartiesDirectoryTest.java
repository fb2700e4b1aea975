package org.vigil.directory.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.oncall.Paging;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.EscalationStep;
import org.vigil.directory.policy.StepTarget;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed of the whole network: every Party to the Budapest Convention, with its real
 * time zone and a fictional demo staff.
 */
class PartiesDirectoryTest {

	private static SeedDirectory parties;

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = SeedDirectory.class.getResourceAsStream("parties-directory.json")) {
			parties = SeedDirectory.read(Objects.requireNonNull(in, "parties-directory.json is missing"));
		}
	}

	@Test
	void holdsEveryPartyOnce() {
		List<CountryCode> countries = parties.contactPoints().stream().map(ContactPoint::country).toList();

		assertThat(countries).hasSizeGreaterThanOrEqualTo(70).doesNotHaveDuplicates();
		assertThat(parties.contactPoints()).extracting(ContactPoint::partyName).doesNotHaveDuplicates();
		assertThat(countries).extracting(CountryCode::value)
			.contains("AL", "AU", "BR", "CA", "CL", "CO", "DE", "FR", "GB", "GH", "JP", "NG", "PH", "SN", "TR", "UA",
					"US");
	}

	@Test
	void leavesOutStatesThatAreNotParties() {
		// Ireland and South Africa only signed; Russia never did.
		assertThat(parties.contactPoints()).extracting(ContactPoint::country)
			.extracting(CountryCode::value)
			.doesNotContain("IE", "ZA", "RU");
	}

	@Test
	void knownPartiesAreInTheirRealTimeZones() {
		Map<String, String> zones = Map.of("FR", "Europe/Paris", "JP", "Asia/Tokyo", "US", "America/New_York", "AU",
				"Australia/Sydney", "BR", "America/Sao_Paulo", "PH", "Asia/Manila", "CA", "America/Toronto", "AR",
				"America/Argentina/Buenos_Aires", "CL", "America/Santiago", "KI", "Pacific/Tarawa");
		zones.forEach(
				(country, zone) -> assertThat(contactPoint(country).zone()).as(country).isEqualTo(ZoneId.of(zone)));
	}

	@Test
	void everyZoneIsAValidRegionId() {
		assertThat(parties.contactPoints()).allSatisfy((contactPoint) -> {
			String id = contactPoint.zone().getId();
			assertThat(ZoneId.of(id)).isEqualTo(contactPoint.zone());
			assertThat(id).as(contactPoint.country().value()).contains("/");
			assertThat(ZoneId.getAvailableZoneIds()).contains(id);
		});
	}

	@Test
	void officerIdsAreUniqueAcrossTheNetworkAndPrefixedWithTheirCountry() {
		List<OfficerId> ids = Stream
			.concat(parties.network().coordinators().stream(),
					parties.contactPoints().stream().flatMap((contactPoint) -> contactPoint.officers().stream()))
			.map(Officer::id)
			.toList();

		assertThat(ids).doesNotHaveDuplicates();
		assertThat(parties.contactPoints()).allSatisfy(
				(contactPoint) -> assertThat(contactPoint.officers()).extracting((officer) -> officer.id().value())
					.allMatch((id) -> id.startsWith(contactPoint.country().value().toLowerCase() + ".")));
	}

	@Test
	void everyContactPointHasThreeOfficersOnADailyRotationASupervisorAndARequester() {
		assertThat(parties.contactPoints()).allSatisfy((contactPoint) -> {
			String country = contactPoint.country().value();
			assertThat(contactPoint.rotation().officers()).as(country).hasSize(3).doesNotHaveDuplicates();
			assertThat(contactPoint.rotation().shiftDays()).as(country).isEqualTo(1);
			assertThat(contactPoint.rotation().handoff()).as(country).hasToString("08:00");
			assertThat(contactPoint.withRole(Role.SUPERVISOR)).as(country).hasSize(1);
			assertThat(contactPoint.withRole(Role.REQUESTER)).as(country).hasSize(1);
			assertThat(contactPoint.officers()).as(country)
				.allSatisfy((officer) -> assertThat(officer.languages()).contains("en"))
				.allSatisfy((officer) -> assertThat(officer.name()).containsIgnoringCase("demo"));
			assertThat(contactPoint.policy().steps()).as(country)
				.extracting(EscalationStep::target)
				.containsExactly(StepTarget.PRIMARY_ON_CALL, StepTarget.SECONDARY_ON_CALL, StepTarget.SUPERVISORS);
		});
	}

	@Test
	void keepsTheDemoNetworkCoordinator() {
		assertThat(parties.network()).isEqualTo(SeedDirectory.demo().network());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-05T07:59:59.999Z", "2026-03-29T01:30:00Z", "2026-07-01T12:00:00Z",
			"2026-10-25T00:30:00Z", "2026-11-22T03:00:00Z", "2030-12-31T23:59:59Z" })
	void pagesSomeoneAtEveryStepOfEveryContactPoint(String at) {
		Instant instant = Instant.parse(at);
		assertThat(parties.contactPoints()).allSatisfy((contactPoint) -> {
			String country = contactPoint.country().value();
			Optional<Paging> primary = OnCall.page(contactPoint, StepTarget.PRIMARY_ON_CALL, instant);
			Optional<Paging> secondary = OnCall.page(contactPoint, StepTarget.SECONDARY_ON_CALL, instant);
			Optional<Paging> supervisors = OnCall.page(contactPoint, StepTarget.SUPERVISORS, instant);
			assertThat(primary).as("primary of %s", country).isPresent();
			assertThat(secondary).as("secondary of %s", country).isPresent();
			assertThat(supervisors).as("supervisors of %s", country).isPresent();
			assertThat(primary.get().officers()).hasSize(1).isSubsetOf(contactPoint.rotation().officers());
			assertThat(secondary.get().officers()).hasSize(1)
				.isSubsetOf(contactPoint.rotation().officers())
				.doesNotContainAnyElementsOf(primary.get().officers());
			assertThat(supervisors.get().officers()).containsExactlyElementsOf(contactPoint.withRole(Role.SUPERVISOR));
		});
	}

	private static ContactPoint contactPoint(String country) {
		return parties.contactPoints()
			.stream()
			.filter((contactPoint) -> contactPoint.country().equals(CountryCode.of(country)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(country + " is not in the directory"));
	}

}
