package org.vigil.dispatcher.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.EscalateNow;
import org.vigil.protocol.dispatch.RecordDelivery;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.AlertDelivered;
import org.vigil.protocol.event.EscalatedByHand;
import org.vigil.protocol.event.LadderExhausted;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestRouted;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.event.StepSkipped;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;

class LadderTest {

	// 03:00 in Berlin, during the shift that started at 08:00 the day before (de.b's
	// turn).
	private static final Instant ACCEPTED = Instant.parse("2026-01-07T02:00:00Z");

	private static final DirectoryView GERMANY = Directories.germanyWithRotation("de.a", "de.b", "de.c");

	private static SubmitRequest urgentFromFrance() {
		return new SubmitRequest(
				new PreservationRequest(RequestId.of("req-fr-de-0001"), CountryCode.of("FR"), CountryCode.of("DE"),
						Urgency.URGENT, ACCEPTED, "OCLCTIC", "Ransomware", "Facts", "Logs", "Used in attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of("fr.requester"), ACCEPTED);
	}

	@Test
	void routesToThePrimaryOnCallWithADeadlinePlannedFromAcceptance() {
		Decision decision = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED.plusMillis(40));

		assertThat(decision.events()).hasSize(2);
		assertThat(decision.events().get(0)).isInstanceOf(RequestRouted.class);
		OfficersAlerted alert = (OfficersAlerted) decision.events().get(1);
		assertThat(alert.officers()).containsExactly(OfficerId.of("de.b"));
		assertThat(alert.step()).isEqualTo(1);
		assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(Duration.ofHours(1)));
		assertThat(alert.reason()).contains("primary on call").contains("DE rotation 'duty'");
		assertThat(decision.nextDeadline()).contains(ACCEPTED.plus(Duration.ofHours(1)));
		assertThat(decision.events()).extracting(RequestEvent::sequence).containsExactly(1L, 2L);
	}

	@Test
	void escalatesToTheSecondaryWhenThePrimaryMissesTheDeadline() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		Instant lateFire = routed.deadline().plusMillis(700);

		Decision decision = routed.deadlinePassed(routed.fence(), GERMANY, lateFire);

		assertThat(decision.events()).hasSize(2);
		StepEscalated escalated = (StepEscalated) decision.events().get(0);
		assertThat(escalated.fromStep()).isEqualTo(1);
		assertThat(escalated.toStep()).isEqualTo(2);
		OfficersAlerted alert = (OfficersAlerted) decision.events().get(1);
		assertThat(alert.officers()).containsExactly(OfficerId.of("de.c"));
		// Planned from the missed deadline, not from the late fire: lateness does not add
		// up.
		assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(Duration.ofHours(2)));
	}

	@Test
	void pagesTheCoordinatorWhenTheLadderIsExhaustedAndKeepsPagingUntilAcknowledged() {
		Ladder ladder = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		ladder = ladder.deadlinePassed(ladder.fence(), GERMANY, ladder.deadline()).ladder();

		Decision exhausted = ladder.deadlinePassed(ladder.fence(), GERMANY, ladder.deadline());

		assertThat(exhausted.events()).hasAtLeastOneElementOfType(LadderExhausted.class);
		OfficersAlerted coordinator = (OfficersAlerted) exhausted.events().get(exhausted.events().size() - 1);
		assertThat(coordinator.officers()).containsExactly(Directories.COORDINATOR);
		assertThat(coordinator.deadline()).isEqualTo(ACCEPTED.plus(Duration.ofHours(3)));

		Ladder paging = exhausted.ladder();
		Decision again = paging.deadlinePassed(paging.fence(), GERMANY, paging.deadline());
		assertThat(again.events()).noneMatch(LadderExhausted.class::isInstance);
		assertThat(again.events()).last()
			.isInstanceOfSatisfying(OfficersAlerted.class,
					(alert) -> assertThat(alert.officers()).containsExactly(Directories.COORDINATOR));
	}

	@Test
	void ignoresATimerOfASupersededAlert() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		Ladder escalated = routed.deadlinePassed(routed.fence(), GERMANY, routed.deadline()).ladder();

		Decision stale = escalated.deadlinePassed(routed.fence(), GERMANY, routed.deadline());

		assertThat(stale.changed()).isFalse();
		assertThat(stale.ladder()).isEqualTo(escalated);
	}

	@Test
	void anAcknowledgementStopsTheLadderAndASecondChangesNothing() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		AcknowledgeRequest ack = new AcknowledgeRequest(routed.requestId(), OfficerId.of("de.b"),
				ACCEPTED.plusSeconds(60));

		Decision acknowledged = routed.acknowledge(ack, GERMANY, ACCEPTED.plusSeconds(60));

		assertThat(acknowledged.events()).singleElement().isInstanceOfSatisfying(RequestAcknowledged.class, (event) -> {
			assertThat(event.by()).isEqualTo(OfficerId.of("de.b"));
			assertThat(event.wasPaged()).isTrue();
			assertThat(event.late()).isFalse();
			assertThat(event.via()).isEqualTo(ContactChannel.CONSOLE);
		});
		assertThat(acknowledged.nextDeadline()).as("the time to respond")
			.contains(ACCEPTED.plusSeconds(60).plus(Urgency.URGENT.defaultResponseDeadline()));
		assertThat(acknowledged.ladder().acknowledge(ack, GERMANY, ACCEPTED.plusSeconds(61)).changed()).isFalse();
		assertThat(acknowledged.ladder().deadlinePassed(routed.fence(), GERMANY, routed.deadline()).changed())
			.isFalse();
	}

	@Test
	void anAcknowledgementByTheLinkOfAMessageRecordsItsChannel() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();

		Decision acknowledged = routed.acknowledge(new AcknowledgeRequest(routed.requestId(), OfficerId.of("de.b"),
				ACCEPTED.plusSeconds(60), ContactChannel.EMAIL), GERMANY, ACCEPTED.plusSeconds(60));

		assertThat(acknowledged.events()).singleElement()
			.isInstanceOfSatisfying(RequestAcknowledged.class,
					(event) -> assertThat(event.via()).isEqualTo(ContactChannel.EMAIL));
	}

	@Test
	void recordsALateAcknowledgementFromAnOfficerAlreadyEscalatedPast() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		Ladder escalated = routed.deadlinePassed(routed.fence(), GERMANY, routed.deadline()).ladder();

		Decision late = escalated.acknowledge(
				new AcknowledgeRequest(routed.requestId(), OfficerId.of("de.b"), routed.deadline().plusSeconds(5)),
				GERMANY, routed.deadline().plusSeconds(5));

		assertThat(late.events()).singleElement()
			.isInstanceOfSatisfying(RequestAcknowledged.class, (event) -> assertThat(event.late()).isTrue());
	}

	@Test
	void skipsAStepWithNobodyOnCallInsteadOfWaitingItOut() {
		DirectoryView oneOfficer = Directories.germanyWithRotation("de.solo");
		Ladder routed = Ladder.route(urgentFromFrance(), oneOfficer, Optional.empty(), ACCEPTED).ladder();

		Decision decision = routed.deadlinePassed(routed.fence(), oneOfficer, routed.deadline());

		List<RequestEvent> events = decision.events();
		assertThat(events).hasAtLeastOneElementOfType(StepSkipped.class)
			.hasAtLeastOneElementOfType(LadderExhausted.class);
		assertThat(events).last()
			.isInstanceOfSatisfying(OfficersAlerted.class,
					(alert) -> assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(Duration.ofHours(2))));
	}

	@Test
	void recordsTheFirstDeliveryToAPagedOfficerOnly() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		Instant shown = ACCEPTED.plusSeconds(1);

		Decision stranger = routed.recordDelivery(new RecordDelivery(routed.requestId(), OfficerId.of("de.a"), shown),
				shown);
		Decision delivered = routed.recordDelivery(new RecordDelivery(routed.requestId(), OfficerId.of("de.b"), shown),
				shown);

		assertThat(stranger.changed()).as("de.a was not paged").isFalse();
		assertThat(delivered.events()).singleElement()
			.isInstanceOfSatisfying(AlertDelivered.class,
					(event) -> assertThat(event.officer()).isEqualTo(OfficerId.of("de.b")));
		assertThat(delivered.nextDeadline()).as("delivery does not stop the ladder").contains(routed.deadline());
		assertThat(delivered.ladder()
			.recordDelivery(new RecordDelivery(routed.requestId(), OfficerId.of("de.b"), shown), shown)
			.changed()).isFalse();
	}

	@Test
	void escalatingByHandPagesTheNextStepAtOnceWithADeadlinePlannedFromNow() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		Instant now = ACCEPTED.plusSeconds(90);

		Decision decision = routed.escalateNow(new EscalateNow(routed.requestId(), OfficerId.of("de.b"), now), GERMANY,
				now);

		assertThat(decision.events()).first().isInstanceOf(EscalatedByHand.class);
		assertThat(decision.events()).last().isInstanceOfSatisfying(OfficersAlerted.class, (alert) -> {
			assertThat(alert.step()).isEqualTo(2);
			assertThat(alert.officers()).containsExactly(OfficerId.of("de.c"));
			assertThat(alert.deadline()).isEqualTo(now.plus(Duration.ofHours(1)));
		});
		assertThat(decision.ladder().deadlinePassed(routed.fence(), GERMANY, routed.deadline()).changed())
			.as("the first step's timer is superseded")
			.isFalse();
	}

	@Test
	void anAcknowledgedRequestCannotBeEscalated() {
		Ladder routed = Ladder.route(urgentFromFrance(), GERMANY, Optional.empty(), ACCEPTED).ladder();
		Ladder acknowledged = routed
			.acknowledge(new AcknowledgeRequest(routed.requestId(), OfficerId.of("de.b"), ACCEPTED), GERMANY, ACCEPTED)
			.ladder();

		assertThat(acknowledged
			.escalateNow(new EscalateNow(routed.requestId(), OfficerId.of("de.b"), ACCEPTED), GERMANY, ACCEPTED)
			.changed()).isFalse();
	}

	@Test
	void aDemoOverrideShortensEveryDeadline() {
		Decision decision = Ladder.route(urgentFromFrance(), GERMANY, Optional.of(Duration.ofSeconds(30)), ACCEPTED);

		assertThat(decision.nextDeadline()).contains(ACCEPTED.plusSeconds(30));
	}

}
