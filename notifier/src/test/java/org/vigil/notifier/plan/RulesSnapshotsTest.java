package org.vigil.notifier.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.vigil.directory.notification.NotificationRule;
import org.vigil.directory.notification.NotificationRules;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.embedded.testing.LocalRedis;
import org.vigil.notifier.DemoDirectory;
import org.vigil.notifier.NotifierKeys;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-request snapshot of notification rules on a real redis-server: the first alert
 * keeps everyone's rules, later alerts of the request plan from them whatever was edited
 * since, a new request takes the rules as they are then.
 */
class RulesSnapshotsTest {

	private static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

	private static final Set<ContactChannel> ALL = Set.of(ContactChannel.values());

	private static final CountryCode DE = CountryCode.of("DE");

	private static final OfficerId MUELLER = OfficerId.of("de.mueller");

	private static final OfficerId COORDINATOR = OfficerId.of("net.coordinator");

	private static final NotificationRules MAIL_ONLY = new NotificationRules(
			Map.of(Urgency.EMERGENCY, List.of(NotificationRule.now(ContactChannel.EMAIL)), Urgency.URGENT,
					List.of(NotificationRule.now(ContactChannel.EMAIL)), Urgency.ROUTINE,
					List.of(NotificationRule.now(ContactChannel.EMAIL))));

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private final NotifierKeys keys = new NotifierKeys("test:" + System.nanoTime() + ":");

	private final RulesSnapshots snapshots = new RulesSnapshots(redis.template(), this.keys,
			Clock.fixed(AT, ZoneOffset.UTC));

	private final EditedDirectory directory = new EditedDirectory();

	private static RequestId newRequest() {
		return RequestId.of("req-rules-" + String.format("%04d", REQUESTS.incrementAndGet()));
	}

	private static OfficersAlerted alert(RequestId requestId, int step, long fence, OfficerId officer) {
		return new OfficersAlerted(requestId, 1 + fence, AT, CountryCode.of("FR"), DE, Urgency.EMERGENCY, step, fence,
				List.of(officer), "test", AT.plus(Duration.ofMinutes(10)));
	}

	private List<ContactChannel> planned(OfficersAlerted alert) {
		return DeliveryPlanner.plan(alert, this.directory, this.snapshots.of(alert, this.directory), Set.of(), ALL)
			.stream()
			.map((delivery) -> delivery.key().channel())
			.toList();
	}

	@Test
	void laterAlertsOfARequestPlanWithTheRulesOfItsFirstAndANewRequestWithTheRulesOfNow() {
		RequestId open = newRequest();
		assertThat(planned(alert(open, 1, 1, MUELLER))).containsExactly(ContactChannel.SMS, ContactChannel.EMAIL,
				ContactChannel.VOICE);

		this.directory.setRules(MUELLER, MAIL_ONLY);

		// The next step, a re-page: the request's rules, the defaults of its first alert.
		assertThat(planned(alert(open, 2, 2, MUELLER))).containsExactly(ContactChannel.SMS, ContactChannel.EMAIL,
				ContactChannel.VOICE);
		assertThat(planned(alert(open, 1, 5, MUELLER))).containsExactly(ContactChannel.SMS, ContactChannel.EMAIL,
				ContactChannel.VOICE);
		// A new request: the rules as they are now.
		assertThat(planned(alert(newRequest(), 1, 1, MUELLER))).containsExactly(ContactChannel.EMAIL);
	}

	@Test
	void aFirstAlertReadAgainFindsItsSnapshotAndDoesNotTakeANewerOne() {
		RequestId requestId = newRequest();
		OfficersAlerted first = alert(requestId, 1, 1, MUELLER);
		planned(first);
		this.directory.setRules(MUELLER, MAIL_ONLY);

		assertThat(planned(first)).as("replayed after a crash")
			.containsExactly(ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.VOICE);
	}

	@Test
	void everyoneTheRequestMayPageIsKeptNotOnlyThoseItPagedFirst() {
		RequestId requestId = newRequest();
		OfficerId colleague = this.directory.contactPoint(DE)
			.orElseThrow()
			.officers()
			.stream()
			.filter((officer) -> officer.roles().contains(Role.OFFICER))
			.map(Officer::id)
			.filter((id) -> !id.equals(MUELLER))
			.findFirst()
			.orElseThrow();
		planned(alert(requestId, 1, 1, MUELLER));
		this.directory.setRules(colleague, MAIL_ONLY);
		this.directory.setCoordinatorRules(MAIL_ONLY);

		// The second step pages a colleague, the exhausted ladder the coordinator: both
		// with the rules they had at the first alert.
		assertThat(planned(alert(requestId, 2, 2, colleague))).contains(ContactChannel.SMS);
		assertThat(planned(alert(requestId, 4, 3, COORDINATOR))).contains(ContactChannel.SMS);
	}

	@Test
	void someoneNotInTheSnapshotIsPlannedWithTheirRulesOfNow() {
		Officer mueller = this.directory.contactPoint(DE)
			.orElseThrow()
			.officers()
			.stream()
			.filter((officer) -> officer.id().equals(MUELLER))
			.findFirst()
			.orElseThrow();
		RulesSnapshot without = RulesSnapshot.none(AT);

		assertThat(without.rulesOf(mueller.withNotifications(MAIL_ONLY))).isEqualTo(MAIL_ONLY);
	}

	@Test
	void aLostSnapshotFallsBackToTheRulesOfNowAndKeepsThoseForTheRestOfTheRequest() {
		RequestId requestId = newRequest();
		planned(alert(requestId, 1, 1, MUELLER));
		assertThat(redis.template().getExpire(this.keys.rulesSnapshot(requestId)))
			.isGreaterThan(RulesSnapshots.KEPT.minusMinutes(1).toSeconds());
		this.directory.setRules(MUELLER, MAIL_ONLY);

		redis.template().delete(this.keys.rulesSnapshot(requestId));

		assertThat(planned(alert(requestId, 2, 2, MUELLER))).containsExactly(ContactChannel.EMAIL);
		this.directory.setRules(MUELLER, null);
		assertThat(planned(alert(requestId, 3, 3, MUELLER))).containsExactly(ContactChannel.EMAIL);
	}

	@Test
	void closingTheRequestForgetsItsSnapshot() {
		RequestId requestId = newRequest();
		planned(alert(requestId, 1, 1, MUELLER));
		assertThat(redis.template().hasKey(this.keys.rulesSnapshot(requestId))).isTrue();

		this.snapshots.forget(requestId);

		assertThat(redis.template().hasKey(this.keys.rulesSnapshot(requestId))).isFalse();
	}

	/** The demo directory with officers' rules edited. */
	private static final class EditedDirectory implements DirectoryView {

		private ContactPoint germany = DemoDirectory.VIEW.contactPoint(DE).orElseThrow();

		private NetworkSettings network = DemoDirectory.VIEW.network().orElseThrow();

		void setRules(OfficerId id, NotificationRules rules) {
			Officer officer = this.germany.officers()
				.stream()
				.filter((candidate) -> candidate.id().equals(id))
				.findFirst()
				.orElseThrow();
			this.germany = this.germany.withOfficer(officer.withNotifications(rules));
		}

		void setCoordinatorRules(NotificationRules rules) {
			this.network = new NetworkSettings(
					this.network.coordinators().stream().map((officer) -> officer.withNotifications(rules)).toList(),
					this.network.acknowledgeWithin());
		}

		@Override
		public Optional<ContactPoint> contactPoint(CountryCode country) {
			return country.equals(DE) ? Optional.of(this.germany) : DemoDirectory.VIEW.contactPoint(country);
		}

		@Override
		public Collection<ContactPoint> contactPoints() {
			return DemoDirectory.VIEW.contactPoints()
				.stream()
				.map((contactPoint) -> contactPoint.country().equals(DE) ? this.germany : contactPoint)
				.toList();
		}

		@Override
		public Optional<NetworkSettings> network() {
			return Optional.of(this.network);
		}

	}

}
