package org.vigil.notifier.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigil.notifier.DemoDirectory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPlannerTest {

	private static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

	private static final Set<ContactChannel> ALL = Set.of(ContactChannel.values());

	static OfficersAlerted alert(Urgency urgency, int step, String... officers) {
		return new OfficersAlerted(RequestId.of("req-plan-0001"), 2, AT, CountryCode.of("FR"), CountryCode.of("DE"),
				urgency, step, step, List.of(officers).stream().map(OfficerId::of).toList(), "test",
				AT.plus(Duration.ofMinutes(10)));
	}

	@Test
	void anEmergencyTextsAndMailsAtOnceAndCallsTwoMinutesLater() {
		List<PlannedDelivery> planned = DeliveryPlanner.plan(alert(Urgency.EMERGENCY, 1, "de.mueller"),
				DemoDirectory.VIEW, Set.of(), ALL);

		// No push: the demo officers have not subscribed a browser.
		assertThat(planned).extracting((delivery) -> delivery.key().channel())
			.containsExactly(ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.VOICE);
		assertThat(planned).extracting(PlannedDelivery::due).containsExactly(AT, AT, AT.plus(Duration.ofMinutes(2)));
		assertThat(planned).extracting(PlannedDelivery::order).containsExactly(0, 1, 2);
		assertThat(planned).allSatisfy((delivery) -> {
			assertThat(delivery.priority()).isEqualTo(Priority.FIRST_PAGE);
			assertThat(delivery.key().step()).isEqualTo(1);
			assertThat(delivery.alertSequence()).isEqualTo(2);
		});
	}

	@Test
	void aRoutineRequestIsOnlyMailed() {
		assertThat(DeliveryPlanner.plan(alert(Urgency.ROUTINE, 1, "de.mueller"), DemoDirectory.VIEW, Set.of(), ALL))
			.extracting((delivery) -> delivery.key().channel())
			.containsExactly(ContactChannel.EMAIL);
	}

	@Test
	void anOfficerPagedBeforeIsRepaged() {
		assertThat(DeliveryPlanner.plan(alert(Urgency.URGENT, 4, "net.coordinator"), DemoDirectory.VIEW,
				Set.of(OfficerId.of("net.coordinator")), ALL))
			.isNotEmpty()
			.allSatisfy((delivery) -> assertThat(delivery.priority()).isEqualTo(Priority.REPAGE));
	}

	@Test
	void passesOverChannelsTheNetworkHasNot() {
		assertThat(DeliveryPlanner.plan(alert(Urgency.EMERGENCY, 1, "de.mueller"), DemoDirectory.VIEW, Set.of(),
				Set.of(ContactChannel.EMAIL)))
			.extracting((delivery) -> delivery.key().channel())
			.containsExactly(ContactChannel.EMAIL);
	}

	@Test
	void plansNothingForSomeoneTheDirectoryDoesNotKnow() {
		assertThat(DeliveryPlanner.plan(alert(Urgency.EMERGENCY, 1, "de.nobody"), DemoDirectory.VIEW, Set.of(), ALL))
			.isEmpty();
	}

}
