package org.vigil.dispatcher.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.RespondToRequest;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.dispatch.ResponseKind;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.CommandRefused;
import org.vigil.protocol.event.LadderExhausted;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestClosed;
import org.vigil.protocol.event.RequestRouted;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reachability drill: the requested Party's own ladder, closed by an acknowledgement,
 * and failed rather than handed to the network coordinator.
 */
class DrillLadderTest {

	// 03:00 in Berlin, during de.b's shift.
	private static final Instant STARTED = Instant.parse("2026-01-07T02:00:00Z");

	private static final DirectoryView NETWORK = Directories.germanyAndFrance();

	private static SubmitRequest drillOfGermany() {
		CountryCode germany = CountryCode.of("DE");
		return new SubmitRequest(
				new PreservationRequest(RequestId.of("drill-de-0001"), germany, germany, Urgency.URGENT, STARTED,
						"Vigil network", "Reachability drill", "Drill", "Nothing", "Drill", "", "Drill", false),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, true), SubmitRequest.NETWORK, STARTED, true);
	}

	private static Ladder routed() {
		return Ladder.route(drillOfGermany(), NETWORK, Optional.empty(), STARTED).ladder();
	}

	@Test
	void aDrillPagesThePartysOwnFirstStepAndSaysItIsADrill() {
		var decision = Ladder.route(drillOfGermany(), NETWORK, Optional.empty(), STARTED);

		assertThat(decision.events().get(0)).isInstanceOfSatisfying(RequestRouted.class,
				(routed) -> assertThat(routed.drill()).isTrue());
		assertThat(decision.events().get(1)).isInstanceOfSatisfying(OfficersAlerted.class, (alert) -> {
			assertThat(alert.drill()).isTrue();
			assertThat(alert.officers()).containsExactly(OfficerId.of("de.b"));
			assertThat(alert.deadline()).isEqualTo(STARTED.plus(Urgency.URGENT.defaultAcknowledgementDeadline()));
		});
	}

	@Test
	void anAcknowledgementClosesTheDrillAtOnceWithNothingDue() {
		Ladder ladder = routed();
		Instant at = STARTED.plus(Duration.ofMinutes(4));

		Decision decision = ladder.acknowledge(new AcknowledgeRequest(ladder.requestId(), OfficerId.of("de.b"), at),
				NETWORK, at);

		assertThat(decision.events()).hasSize(2);
		assertThat(decision.events().get(0)).isInstanceOfSatisfying(RequestAcknowledged.class, (ack) -> {
			assertThat(ack.step()).isEqualTo(1);
			assertThat(ack.wasPaged()).isTrue();
			assertThat(ack.respondBy()).isNull();
		});
		assertThat(decision.events().get(1)).isInstanceOfSatisfying(RequestClosed.class,
				(closed) -> assertThat(closed.outcome()).isEqualTo(RequestClosed.Outcome.DRILL_ACKNOWLEDGED));
		assertThat(decision.ladder().status()).isEqualTo(LadderStatus.CLOSED);
		assertThat(decision.nextDeadline()).isEmpty();
	}

	@Test
	void aDrillEscalatesLikeARealRequestAndIsAcknowledgedAtTheStepThatAnswered() {
		Ladder ladder = routed();
		Decision escalated = ladder.deadlinePassed(ladder.fence(), NETWORK, ladder.deadline());
		assertThat(escalated.events()).hasAtLeastOneElementOfType(StepEscalated.class);
		OfficersAlerted second = (OfficersAlerted) escalated.events().get(escalated.events().size() - 1);
		assertThat(second.officers()).containsExactly(OfficerId.of("de.c"));
		assertThat(second.drill()).isTrue();

		Ladder paging = escalated.ladder();
		Decision acknowledged = paging.acknowledge(
				new AcknowledgeRequest(paging.requestId(), OfficerId.of("de.c"), second.at()), NETWORK,
				second.at().plusSeconds(30));

		assertThat(acknowledged.events().get(0)).isInstanceOfSatisfying(RequestAcknowledged.class,
				(ack) -> assertThat(ack.step()).isEqualTo(2));
	}

	@Test
	void anExhaustedDrillFailsInsteadOfWakingTheNetworkCoordinator() {
		Ladder ladder = routed();
		Decision last = null;
		for (int step = 1; step <= 3; step++) {
			last = ladder.deadlinePassed(ladder.fence(), NETWORK, ladder.deadline());
			ladder = last.ladder();
		}

		assertThat(last.events()).noneMatch(LadderExhausted.class::isInstance)
			.noneMatch((event) -> event instanceof OfficersAlerted alert
					&& alert.officers().contains(Directories.COORDINATOR));
		assertThat(last.events()).last()
			.isInstanceOfSatisfying(RequestClosed.class,
					(closed) -> assertThat(closed.outcome()).isEqualTo(RequestClosed.Outcome.DRILL_FAILED));
		assertThat(ladder.status()).isEqualTo(LadderStatus.CLOSED);
		assertThat(ladder.pendingDeadline()).isEmpty();
	}

	@Test
	void onlyThePeopleOfTheDrilledPartyMayAcknowledgeADrill() {
		Ladder ladder = routed();
		Instant at = STARTED.plusSeconds(60);

		Decision byCoordinator = ladder
			.acknowledge(new AcknowledgeRequest(ladder.requestId(), Directories.COORDINATOR, at), NETWORK, at);
		Decision bySupervisor = ladder
			.acknowledge(new AcknowledgeRequest(ladder.requestId(), OfficerId.of("de.chief"), at), NETWORK, at);

		assertThat(byCoordinator.events()).singleElement().isInstanceOf(CommandRefused.class);
		assertThat(byCoordinator.ladder().status()).isEqualTo(LadderStatus.ALERTING);
		assertThat(bySupervisor.events()).last()
			.isInstanceOfSatisfying(RequestClosed.class,
					(closed) -> assertThat(closed.outcome()).isEqualTo(RequestClosed.Outcome.DRILL_ACKNOWLEDGED));
	}

	@Test
	void aDrillTakesNoAnswer() {
		Ladder ladder = routed();

		Decision decision = ladder.respond(
				new RespondToRequest(ladder.requestId(), OfficerId.of("de.b"),
						new Response(ResponseKind.DISCLOSED, null, null), STARTED.plusSeconds(60)),
				NETWORK, STARTED.plusSeconds(60));

		assertThat(decision.events()).singleElement()
			.isInstanceOfSatisfying(CommandRefused.class, (refused) -> assertThat(refused.reason()).contains("drill"));
	}

}
