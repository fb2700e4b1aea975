package org.vigil.dispatcher.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Treaty;
import org.vigil.directory.party.TreatyStatus;
import org.vigil.directory.policy.EscalationPolicy;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.EscalateNow;
import org.vigil.protocol.dispatch.RespondToRequest;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.dispatch.ResponseKind;
import org.vigil.protocol.dispatch.SnoozeRequest;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.dispatch.SupplyInformation;
import org.vigil.protocol.event.AcknowledgementSnoozed;
import org.vigil.protocol.event.CommandRefused;
import org.vigil.protocol.event.InformationSupplied;
import org.vigil.protocol.event.LadderExhausted;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.PreservationExpiring;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestClosed;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestResponded;
import org.vigil.protocol.event.ResponseOverdue;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's whole life in the dispatcher: the full ladder for every urgency class, and
 * what follows an acknowledgement (answers, the time to respond, snoozes, preservation
 * reminders), with who may do what.
 */
class LadderLifecycleTest {

	// 03:00 in Berlin, during de.b's shift.
	private static final Instant ACCEPTED = Instant.parse("2026-01-07T02:00:00Z");

	private static final DirectoryView NETWORK = Directories.germanyAndFrance();

	private static final OfficerId PRIMARY = OfficerId.of("de.b");

	private static final OfficerId SECONDARY = OfficerId.of("de.c");

	private static Ladder routed(Urgency urgency) {
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(RequestId.of("req-fr-de-0002"), CountryCode.of("FR"), CountryCode.of("DE"),
						urgency, ACCEPTED, "OFAC", "Ransomware", "Facts", "Logs", "Used in attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of("fr.requester"), ACCEPTED);
		return Ladder.route(submit, NETWORK, Optional.empty(), ACCEPTED).ladder();
	}

	private static Ladder acknowledged(Urgency urgency, Instant at) {
		Ladder ladder = routed(urgency);
		return ladder.acknowledge(new AcknowledgeRequest(ladder.requestId(), PRIMARY, at), NETWORK, at).ladder();
	}

	private static Decision fire(Ladder ladder) {
		return ladder.deadlinePassed(ladder.fence(), NETWORK, ladder.deadline());
	}

	@ParameterizedTest
	@EnumSource(Urgency.class)
	void theWholeLadderRunsOnItsPlannedDeadlinesForEveryUrgency(Urgency urgency) {
		Duration window = urgency.defaultAcknowledgementDeadline();
		Ladder ladder = routed(urgency);
		assertThat(ladder.paged()).containsExactly(PRIMARY);
		assertThat(ladder.deadline()).isEqualTo(ACCEPTED.plus(window));

		Decision secondary = fire(ladder);
		// Who is on call is read when the step starts: a ROUTINE request's second step
		// falls in the next day's shift.
		ContactPoint germany = NETWORK.contactPoint(CountryCode.of("DE")).orElseThrow();
		OfficerId secondaryThen = germany.rotation().shiftAt(ladder.deadline(), germany.zone()).secondary();
		assertThat(last(secondary)).satisfies((alert) -> {
			assertThat(alert.officers()).containsExactly(secondaryThen);
			assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(window.multipliedBy(2)));
		});

		Decision supervisors = fire(secondary.ladder());
		assertThat(last(supervisors)).satisfies((alert) -> {
			assertThat(alert.officers()).containsExactlyInAnyOrder(OfficerId.of("de.chief"), OfficerId.of("de.deputy"));
			assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(window.multipliedBy(3)));
		});

		Decision coordinator = fire(supervisors.ladder());
		assertThat(coordinator.events()).filteredOn(LadderExhausted.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(LadderExhausted.class,
					(exhausted) -> assertThat(exhausted.from()).as("the requester is told")
						.isEqualTo(CountryCode.of("FR")));
		assertThat(last(coordinator)).satisfies((alert) -> {
			assertThat(alert.officers()).containsExactly(Directories.COORDINATOR);
			assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(window.multipliedBy(4)));
		});

		Decision again = fire(coordinator.ladder());
		assertThat(again.events()).noneMatch(LadderExhausted.class::isInstance);
		assertThat(last(again)).satisfies((alert) -> {
			assertThat(alert.officers()).containsExactly(Directories.COORDINATOR);
			assertThat(alert.deadline()).isEqualTo(ACCEPTED.plus(window.multipliedBy(5)));
		});

		Decision late = again.ladder()
			.acknowledge(new AcknowledgeRequest(ladder.requestId(), PRIMARY, ACCEPTED.plus(window.multipliedBy(4))),
					NETWORK, ACCEPTED.plus(window.multipliedBy(4)));
		assertThat(late.events()).singleElement()
			.isInstanceOfSatisfying(RequestAcknowledged.class, (ack) -> assertThat(ack.late()).isTrue());
		assertThat(late.ladder().status()).isEqualTo(LadderStatus.ACKNOWLEDGED);
	}

	@Test
	void aPolicyThatRepeatsClimbsItsStepsAgainBeforeTheCoordinator() {
		ContactPoint germany = NETWORK.contactPoint(CountryCode.of("DE")).orElseThrow();
		ContactPoint repeating = new ContactPoint(germany.country(), germany.partyName(), germany.authority(),
				germany.zone(), germany.officers(), germany.rotation(),
				new EscalationPolicy(10, germany.policy().steps(), 1), germany.certificates());
		DirectoryView network = Directories.with(NETWORK, repeating);
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(RequestId.of("req-fr-de-0003"), CountryCode.of("FR"), CountryCode.of("DE"),
						Urgency.URGENT, ACCEPTED, "OFAC", "Ransomware", "Facts", "Logs", "Used in attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of("fr.requester"), ACCEPTED);
		Ladder ladder = Ladder.route(submit, network, Optional.empty(), ACCEPTED).ladder();
		assertThat(ladder.steps()).hasSize(6);

		for (int i = 0; i < 3; i++) {
			ladder = ladder.deadlinePassed(ladder.fence(), network, ladder.deadline()).ladder();
		}

		assertThat(ladder.status()).as("the second round, not the coordinator").isEqualTo(LadderStatus.ALERTING);
		assertThat(ladder.step()).isEqualTo(4);
		assertThat(ladder.paged()).containsExactly(PRIMARY);
	}

	@Test
	void aStepThatPagesSeveralPeopleStopsForAllWhenOneAcknowledges() {
		Ladder supervisors = fire(fire(routed(Urgency.URGENT)).ladder()).ladder();
		assertThat(supervisors.paged()).hasSize(2);
		Instant now = supervisors.deadline().minusSeconds(60);

		Decision chief = supervisors
			.acknowledge(new AcknowledgeRequest(supervisors.requestId(), OfficerId.of("de.chief"), now), NETWORK, now);
		Decision deputy = chief.ladder()
			.acknowledge(new AcknowledgeRequest(supervisors.requestId(), OfficerId.of("de.deputy"), now), NETWORK, now);

		assertThat(chief.ladder().paged()).isEmpty();
		assertThat(deputy.changed()).as("a second acknowledgement is idempotent").isFalse();
	}

	@Test
	void anAcknowledgementBySomeoneNotPagedIsAcceptedOnlyIfTheirRoleAllowsIt() {
		Ladder ladder = routed(Urgency.URGENT);
		Instant now = ACCEPTED.plusSeconds(30);

		Decision auditor = ladder
			.acknowledge(new AcknowledgeRequest(ladder.requestId(), OfficerId.of("de.auditor"), now), NETWORK, now);
		Decision foreign = ladder
			.acknowledge(new AcknowledgeRequest(ladder.requestId(), OfficerId.of("fr.officer"), now), NETWORK, now);
		Decision colleague = ladder.acknowledge(new AcknowledgeRequest(ladder.requestId(), OfficerId.of("de.a"), now),
				NETWORK, now);
		Decision coordinator = ladder
			.acknowledge(new AcknowledgeRequest(ladder.requestId(), Directories.COORDINATOR, now), NETWORK, now);

		for (Decision refused : List.of(auditor, foreign)) {
			assertThat(refused.events()).singleElement().isInstanceOf(CommandRefused.class);
			assertThat(refused.ladder().status()).isEqualTo(LadderStatus.ALERTING);
			assertThat(refused.nextDeadline()).as("the ladder runs on").contains(ladder.deadline());
		}
		for (Decision accepted : List.of(colleague, coordinator)) {
			assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(RequestAcknowledged.class, (ack) -> {
				assertThat(ack.wasPaged()).isFalse();
				assertThat(ack.late()).isFalse();
			});
		}
	}

	@Test
	void anOfficerOfAnotherPartyCannotEscalate() {
		Ladder ladder = routed(Urgency.URGENT);

		Decision decision = ladder.escalateNow(
				new EscalateNow(ladder.requestId(), OfficerId.of("fr.requester"), ACCEPTED), NETWORK, ACCEPTED);

		assertThat(decision.events()).singleElement().isInstanceOf(CommandRefused.class);
		assertThat(decision.ladder().step()).isEqualTo(1);
	}

	@Test
	void anAcknowledgementWithoutAnAnswerInTimeAlertsTheOfficerAgainThenClimbsOn() {
		Instant ackAt = ACCEPTED.plusSeconds(120);
		Ladder ladder = acknowledged(Urgency.EMERGENCY, ackAt);
		Instant due = ackAt.plus(Urgency.EMERGENCY.defaultResponseDeadline());
		assertThat(ladder.deadline()).isEqualTo(due);

		Decision overdue = fire(ladder);

		assertThat(overdue.events()).first()
			.isInstanceOfSatisfying(ResponseOverdue.class,
					(event) -> assertThat(event.acknowledgedBy()).isEqualTo(PRIMARY));
		assertThat(last(overdue)).satisfies((alert) -> {
			assertThat(alert.officers()).containsExactly(PRIMARY);
			assertThat(alert.step()).isEqualTo(1);
			assertThat(alert.deadline()).isEqualTo(due.plus(Urgency.EMERGENCY.defaultAcknowledgementDeadline()));
		});
		assertThat(overdue.ladder().status()).isEqualTo(LadderStatus.ALERTING);
		assertThat(overdue.ladder().acknowledgedBy()).isNull();

		Decision climbed = fire(overdue.ladder());
		assertThat(climbed.events()).first().isInstanceOf(StepEscalated.class);
		assertThat(last(climbed).officers()).containsExactly(SECONDARY);
	}

	@Test
	void aSnoozeBringsTheAlertBackWhenAskedWithinItsBounds() {
		Instant ackAt = ACCEPTED.plusSeconds(60);
		Ladder ladder = acknowledged(Urgency.URGENT, ackAt);
		Instant now = ackAt.plusSeconds(600);

		Decision snoozed = ladder.snooze(new SnoozeRequest(ladder.requestId(), PRIMARY, Duration.ofMinutes(30), now),
				now);

		assertThat(snoozed.events()).singleElement().isInstanceOfSatisfying(AcknowledgementSnoozed.class, (event) -> {
			assertThat(event.until()).isEqualTo(now.plus(Duration.ofMinutes(30)));
			assertThat(event.snoozesLeft()).isEqualTo(Terms.DEFAULT_MAX_SNOOZES - 1);
		});
		assertThat(snoozed.nextDeadline()).contains(now.plus(Duration.ofMinutes(30)));
		assertThat(snoozed.ladder().deadlinePassed(ladder.fence(), NETWORK, ladder.deadline()).changed())
			.as("the timer set before the snooze is superseded")
			.isFalse();
		assertThat(fire(snoozed.ladder()).events()).first().isInstanceOf(ResponseOverdue.class);
	}

	@Test
	void snoozesAreBoundedInLengthNumberAndWho() {
		Instant ackAt = ACCEPTED.plusSeconds(60);
		Ladder ladder = acknowledged(Urgency.EMERGENCY, ackAt);
		Duration bound = Urgency.EMERGENCY.snoozeBound();

		assertThat(refusal(
				ladder.snooze(new SnoozeRequest(ladder.requestId(), PRIMARY, bound.plusSeconds(1), ackAt), ackAt)))
			.contains("at most");
		assertThat(refusal(
				ladder.snooze(new SnoozeRequest(ladder.requestId(), SECONDARY, Duration.ofMinutes(1), ackAt), ackAt)))
			.contains("who acknowledged");
		Ladder routed = routed(Urgency.EMERGENCY);
		assertThat(refusal(
				routed.snooze(new SnoozeRequest(routed.requestId(), PRIMARY, Duration.ofMinutes(1), ackAt), ackAt)))
			.contains("acknowledged");

		Ladder snoozing = ladder;
		for (int i = 0; i < Terms.DEFAULT_MAX_SNOOZES; i++) {
			snoozing = snoozing
				.snooze(new SnoozeRequest(ladder.requestId(), PRIMARY, Duration.ofMinutes(1), ackAt), ackAt)
				.ladder();
		}
		assertThat(refusal(
				snoozing.snooze(new SnoozeRequest(ladder.requestId(), PRIMARY, Duration.ofMinutes(1), ackAt), ackAt)))
			.contains("the most");
	}

	@Test
	void answeringAPagingRequestAcknowledgesItToo() {
		Ladder ladder = routed(Urgency.URGENT);
		Instant now = ACCEPTED.plusSeconds(300);

		Decision decision = ladder.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.DISCLOSED, null, null), now), NETWORK, now);

		assertThat(decision.events()).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("RequestAcknowledged", "RequestResponded", "RequestClosed");
		assertThat(decision.ladder().status()).isEqualTo(LadderStatus.CLOSED);
		assertThat(decision.nextDeadline()).isEmpty();
	}

	@Test
	void aRefusalClosesTheRequestAndNothingMoreIsAccepted() {
		Instant now = ACCEPTED.plusSeconds(600);
		Ladder ladder = acknowledged(Urgency.ROUTINE, ACCEPTED.plusSeconds(60));

		Decision refused = ladder.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.REFUSED, null, "Art. 29(5): political offence"), now), NETWORK, now);

		assertThat(refused.events()).last()
			.isInstanceOfSatisfying(RequestClosed.class,
					(closed) -> assertThat(closed.outcome()).isEqualTo(RequestClosed.Outcome.REFUSED));
		Ladder closed = refused.ladder();
		assertThat(closed.acknowledge(new AcknowledgeRequest(ladder.requestId(), PRIMARY, now), NETWORK, now).changed())
			.isFalse();
		assertThat(refusal(closed.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.DISCLOSED, null, null), now), NETWORK, now)))
			.contains("closed");
	}

	@Test
	void onlyOfficersOfTheRequestedPartyAnswer() {
		Ladder ladder = acknowledged(Urgency.URGENT, ACCEPTED);

		Decision decision = ladder.respond(new RespondToRequest(ladder.requestId(), OfficerId.of("fr.requester"),
				new Response(ResponseKind.DISCLOSED, null, null), ACCEPTED), NETWORK, ACCEPTED);

		assertThat(refusal(decision)).contains("is not an officer or supervisor of DE");
		assertThat(decision.ladder().status()).isEqualTo(LadderStatus.ACKNOWLEDGED);
	}

	@Test
	void aPreservationRemindsTheRequesterBeforeItLapsesThenCloses() {
		Instant now = ACCEPTED.plusSeconds(900);
		Ladder ladder = acknowledged(Urgency.URGENT, ACCEPTED.plusSeconds(60));

		Decision preserved = ladder.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.PRESERVED, null, "Ref. BKA-2026-17"), now), NETWORK, now);

		Instant until = now.plus(Terms.DEFAULT_PRESERVATION_PERIOD);
		assertThat(preserved.events()).singleElement()
			.isInstanceOfSatisfying(RequestResponded.class,
					(event) -> assertThat(event.response().preservedUntil()).as("the default period applies")
						.isEqualTo(until));
		assertThat(preserved.nextDeadline()).contains(until.minus(Terms.DEFAULT_REMINDER_LEAD));

		Decision reminded = fire(preserved.ladder());
		assertThat(reminded.events()).singleElement().isInstanceOfSatisfying(PreservationExpiring.class, (event) -> {
			assertThat(event.from()).isEqualTo(CountryCode.of("FR"));
			assertThat(event.preservedUntil()).isEqualTo(until);
		});
		assertThat(reminded.nextDeadline()).contains(until);

		Decision lapsed = fire(reminded.ladder());
		assertThat(lapsed.events()).singleElement()
			.isInstanceOfSatisfying(RequestClosed.class,
					(closed) -> assertThat(closed.outcome()).isEqualTo(RequestClosed.Outcome.PRESERVATION_LAPSED));
		assertThat(lapsed.nextDeadline()).isEmpty();
	}

	@Test
	void aPartysLongerPreservationPeriodAppliesWhenTheOfficerNamesNoDate() {
		ContactPoint germany = NETWORK.contactPoint(CountryCode.of("DE")).orElseThrow();
		ContactPoint ninetyDays = new ContactPoint(germany.country(), germany.partyName(), germany.authority(),
				germany.zone(), germany.officers(), germany.rotation(), germany.policy(), germany.certificates(),
				new Treaty(TreatyStatus.RATIFIED, null, false, List.of(), 90), germany.channels(), germany.languages(),
				germany.officeHours(), germany.mlaAuthority(), germany.lastVerified(), germany.layers(),
				germany.overrides());
		DirectoryView network = Directories.with(NETWORK, ninetyDays);
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(RequestId.of("req-fr-de-0004"), CountryCode.of("FR"), CountryCode.of("DE"),
						Urgency.URGENT, ACCEPTED, "OFAC", "Ransomware", "Facts", "Logs", "Used in attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of("fr.requester"), ACCEPTED);
		Ladder ladder = Ladder.route(submit, network, Optional.empty(), ACCEPTED).ladder();

		Decision preserved = ladder.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.PRESERVED, null, null), ACCEPTED), network, ACCEPTED);

		assertThat(preserved.ladder().preservedUntil()).isEqualTo(ACCEPTED.plus(Duration.ofDays(90)));
	}

	@Test
	void anExtensionMovesTheReminderAndAShortPreservationIsRemindedHalfWay() {
		Instant now = ACCEPTED.plusSeconds(900);
		Ladder ladder = acknowledged(Urgency.URGENT, ACCEPTED.plusSeconds(60));
		Instant shortly = now.plus(Duration.ofDays(6));

		Ladder preserved = ladder
			.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
					new Response(ResponseKind.PRESERVED, shortly, null), now), NETWORK, now)
			.ladder();
		assertThat(preserved.deadline()).isEqualTo(now.plus(Duration.ofDays(3)));

		Instant later = now.plus(Duration.ofDays(90));
		Decision extended = preserved.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.PRESERVED, later, "extended, Art. 29(7)"), now), NETWORK, now);
		assertThat(extended.nextDeadline()).contains(later.minus(Terms.DEFAULT_REMINDER_LEAD));
		assertThat(extended.ladder().deadlinePassed(preserved.fence(), NETWORK, preserved.deadline()).changed())
			.as("the reminder of the first date is superseded")
			.isFalse();

		assertThat(refusal(preserved.respond(new RespondToRequest(ladder.requestId(), PRIMARY,
				new Response(ResponseKind.PRESERVED, now.minusSeconds(1), null), now), NETWORK, now)))
			.contains("not in the future");
	}

	@Test
	void aQuestionWaitsForTheRequesterAndTheirAnswerRestartsTheTimeToRespond() {
		Instant now = ACCEPTED.plusSeconds(900);
		Ladder ladder = acknowledged(Urgency.URGENT, ACCEPTED.plusSeconds(60));

		Decision asked = ladder.respond(
				new RespondToRequest(ladder.requestId(), PRIMARY,
						new Response(ResponseKind.NEEDS_INFORMATION, null, "Which account? Give the user id."), now),
				NETWORK, now);
		assertThat(asked.ladder().status()).isEqualTo(LadderStatus.AWAITING_INFORMATION);
		assertThat(asked.nextDeadline()).as("nothing is due from the requested Party").isEmpty();

		Instant answeredAt = now.plus(Duration.ofHours(5));
		assertThat(refusal(asked.ladder()
			.supplyInformation(new SupplyInformation(ladder.requestId(), PRIMARY, "?", answeredAt), NETWORK,
					answeredAt)))
			.contains("does not act for FR");
		Decision answered = asked.ladder()
			.supplyInformation(
					new SupplyInformation(ladder.requestId(), OfficerId.of("fr.requester"), "User id 4711", answeredAt),
					NETWORK, answeredAt);

		Instant respondBy = answeredAt.plus(Urgency.URGENT.defaultResponseDeadline());
		assertThat(answered.events()).singleElement()
			.isInstanceOfSatisfying(InformationSupplied.class,
					(event) -> assertThat(event.respondBy()).isEqualTo(respondBy));
		assertThat(answered.ladder().status()).isEqualTo(LadderStatus.ACKNOWLEDGED);
		assertThat(answered.nextDeadline()).contains(respondBy);
		assertThat(refusal(answered.ladder()
			.supplyInformation(
					new SupplyInformation(ladder.requestId(), OfficerId.of("fr.requester"), "again", answeredAt),
					NETWORK, answeredAt)))
			.contains("asked for no information");
	}

	@Test
	void sequencesStayGaplessThroughTheWholeLife() {
		Ladder ladder = routed(Urgency.URGENT);
		long before = ladder.lastSequence();
		Decision overdue = fire(acknowledged(Urgency.URGENT, ACCEPTED));
		List<Long> sequences = overdue.events().stream().map(RequestEvent::sequence).toList();
		long first = sequences.get(0);
		assertThat(first).isEqualTo(before + 2);
		for (int i = 0; i < sequences.size(); i++) {
			assertThat(sequences.get(i)).isEqualTo(first + i);
		}
	}

	private static OfficersAlerted last(Decision decision) {
		RequestEvent event = decision.events().get(decision.events().size() - 1);
		assertThat(event).isInstanceOf(OfficersAlerted.class);
		return (OfficersAlerted) event;
	}

	private static String refusal(Decision decision) {
		assertThat(decision.events()).singleElement().isInstanceOf(CommandRefused.class);
		return ((CommandRefused) decision.events().get(0)).reason();
	}

}
