package org.vigil.directory.party;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.directory.policy.EscalationPolicy;
import org.vigil.directory.policy.EscalationStep;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;

class ContactPointJsonTest {

	/**
	 * An entry as the directory topic holds it from before treaties, layers and repeats.
	 */
	private static final String OLD_ENTRY = """
			{"country":"DE","partyName":"Germany","authority":"BKA","zone":"Europe/Berlin",
			 "officers":[{"id":"de.a","name":"A","roles":["OFFICER"],"languages":["de"]},
			             {"id":"de.s","name":"S","roles":["SUPERVISOR"],"languages":["de"]}],
			 "rotation":{"name":"duty","officers":["de.a"],"firstDay":"2026-01-05","handoff":"08:00","shiftDays":1},
			 "policy":{"version":3,"steps":[{"target":"PRIMARY_ON_CALL"},{"target":"SUPERVISORS"}]},
			 "certificates":[]}
			""";

	@Test
	void readsAnEntryWrittenBeforeTheNewFieldsWithTheirDefaults() {
		ContactPoint old = WireJson.read(OLD_ENTRY.getBytes(StandardCharsets.UTF_8), ContactPoint.class);

		assertThat(old.treaty()).isEqualTo(Treaty.notRecorded());
		assertThat(old.treaty().preservationDays()).isEqualTo(60);
		assertThat(old.channels()).isEmpty();
		assertThat(old.layers()).isEmpty();
		assertThat(old.overrides()).isEmpty();
		assertThat(old.officeHours()).isNull();
		assertThat(old.rotation().pattern()).isEmpty();
		assertThat(old.policy().repeats()).isZero();
		assertThat(old.policy().steps()).extracting(EscalationStep::target)
			.containsExactly(StepTarget.PRIMARY_ON_CALL, StepTarget.SUPERVISORS);
	}

	@Test
	void writesSimpleStepTargetsAsTheyWereAndNamedOfficersAsAnObject() {
		EscalationPolicy policy = new EscalationPolicy(2,
				List.of(new EscalationStep(StepTarget.PRIMARY_ON_CALL, null), new EscalationStep(StepTarget.TEAM, null),
						new EscalationStep(StepTarget.officers(List.of(OfficerId.of("de.s"))), null)),
				1);

		String json = new String(WireJson.write(policy), StandardCharsets.UTF_8);

		assertThat(json).contains("\"target\":\"PRIMARY_ON_CALL\"")
			.contains("\"target\":\"TEAM\"")
			.contains("\"target\":{\"officers\":[\"de.s\"]}")
			.contains("\"repeats\":1");
		assertThat(WireJson.read(json.getBytes(StandardCharsets.UTF_8), EscalationPolicy.class)).isEqualTo(policy);
	}

	@Test
	void readsAStepTargetStoredAsTheEnumItWas() {
		// Ladders in the dispatcher's store hold their planned steps' targets this way.
		assertThat(WireJson.read("\"SECONDARY_ON_CALL\"".getBytes(StandardCharsets.UTF_8), StepTarget.class))
			.isEqualTo(StepTarget.SECONDARY_ON_CALL);
		assertThat(StepTarget.PRIMARY_ON_CALL).hasToString("PRIMARY_ON_CALL");
	}

	@Test
	void theSeedsRoundTripAndRecordTheTreatyAndChannels() {
		for (SeedDirectory seed : List.of(SeedDirectory.demo(), SeedDirectory.parties())) {
			SeedDirectory again = WireJson.read(WireJson.write(seed), SeedDirectory.class);
			assertThat(again).isEqualTo(seed);
			assertThat(seed.contactPoints()).allSatisfy((contactPoint) -> {
				assertThat(contactPoint.treaty().status().isParty()).as(contactPoint.country().value()).isTrue();
				assertThat(contactPoint.channels()).extracting(Channel::kind)
					.contains(Channel.ChannelKind.PHONE, Channel.ChannelKind.EMAIL);
				assertThat(contactPoint.mlaAuthority()).isNotNull();
				assertThat(contactPoint.languages()).contains("en");
			});
		}
		assertThat(SeedDirectory.parties().contactPoints()).hasSize(76);
	}

	@Test
	void theFullSeedKeepsTheDemoStaffAndRostersSoTheDemoLoginsStillWork() {
		SeedDirectory parties = SeedDirectory.parties();
		for (ContactPoint demo : SeedDirectory.demo().contactPoints()) {
			ContactPoint full = parties.contactPoints()
				.stream()
				.filter((candidate) -> candidate.country().equals(demo.country()))
				.findFirst()
				.orElseThrow();
			assertThat(full.officers()).isEqualTo(demo.officers());
			assertThat(full.rotation()).isEqualTo(demo.rotation());
			assertThat(full.layers()).isEqualTo(demo.layers());
			assertThat(full.overrides()).isEqualTo(demo.overrides());
		}
	}

}
