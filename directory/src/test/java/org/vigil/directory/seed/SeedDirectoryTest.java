package org.vigil.directory.seed;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.policy.EscalationStep;
import org.vigil.directory.policy.StepTarget;
import org.vigil.protocol.CountryCode;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDirectoryTest {

	@Test
	void demoDirectoryHasContactPointsWithATwoStepLadder() {
		SeedDirectory demo = SeedDirectory.demo();

		assertThat(demo.contactPoints()).extracting(ContactPoint::country)
			.contains(CountryCode.of("FR"), CountryCode.of("DE"), CountryCode.of("US"), CountryCode.of("JP"));
		assertThat(demo.contactPoints())
			.allSatisfy((contactPoint) -> assertThat(contactPoint.policy().steps()).extracting(EscalationStep::target)
				.containsExactly(StepTarget.PRIMARY_ON_CALL, StepTarget.SECONDARY_ON_CALL));
		assertThat(demo.network().coordinators()).isNotEmpty();
	}

	@Test
	void everyDemoContactPointHasSomeoneOnCallAndABackup() {
		Instant now = Instant.parse("2026-11-22T03:00:00Z");
		for (ContactPoint contactPoint : SeedDirectory.demo().contactPoints()) {
			assertThat(OnCall.page(contactPoint, StepTarget.PRIMARY_ON_CALL, now)).isPresent();
			assertThat(OnCall.page(contactPoint, StepTarget.SECONDARY_ON_CALL, now)).isPresent();
		}
	}

}
