package org.vigil.dispatcher.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.oncall.Paging;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.EscalationStep;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.EscalateNow;
import org.vigil.protocol.dispatch.RecordDelivery;
import org.vigil.protocol.dispatch.RespondToRequest;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.dispatch.ResponseKind;
import org.vigil.protocol.dispatch.SnoozeRequest;
import org.vigil.protocol.dispatch.SupplyInformation;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.AcknowledgementSnoozed;
import org.vigil.protocol.event.AlertDelivered;
import org.vigil.protocol.event.CommandRefused;
import org.vigil.protocol.event.EscalatedByHand;
import org.vigil.protocol.event.InformationSupplied;
import org.vigil.protocol.event.LadderExhausted;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.PreservationExpiring;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestClosed;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestResponded;
import org.vigil.protocol.event.RequestRouted;
import org.vigil.protocol.event.ResponseOverdue;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.event.StepSkipped;
import org.vigil.protocol.notification.ContactChannel;

/**
 * The life of one request in the dispatcher: which step is paging whom until when, and
 * once someone took charge, what the requester is owed next.
 *
 * <p>
 * Deadlines are planned, never recomputed from "now": the deadline of step k+1 is the
 * deadline of step k plus step k+1's time to acknowledge, so a late timer does not push
 * every later step later. Every change that sets a timer raises the fence; a timer that
 * names an older fence belongs to a superseded state and is ignored, so a duplicate or
 * stale timer is harmless. A ladder has at most one timer: the escalation deadline while
 * paging, the time to respond once acknowledged, the reminder and then the lapse of a
 * preservation.
 *
 * <p>
 * The policy in force when the request was routed is snapshotted into {@link #steps()},
 * and the network's terms into {@link #terms()}; editing either later does not change
 * this ladder. Who is on call is resolved when a step starts, from the directory view at
 * that instant.
 *
 * @param requestId the request
 * @param from the requesting Party
 * @param to the requested Party
 * @param urgency the request's urgency
 * @param policyVersion the version of the policy snapshotted
 * @param steps the policy's steps, with this request's deadlines
 * @param coordinatorInterval how long the network coordinator has to acknowledge before
 * being paged again
 * @param terms the times to respond, snooze bounds and preservation defaults snapshotted
 * @param status where the ladder stands
 * @param step the step paging now, from 1; past {@code steps.size()} the coordinator's
 * @param fence increases with every change that sets or cancels the timer
 * @param paged who the current step pages; empty if nobody is being paged
 * @param everPaged everyone paged so far, to tell a late acknowledgement from a
 * stranger's
 * @param deadline when the timer fires; null when the ladder waits for nothing
 * @param lastSequence the sequence number of the last event published for this request
 * @param acknowledgedBy who acknowledged; null until then, and again once the alert came
 * back for want of an answer
 * @param delivered whether a paged officer's console has shown the alert yet
 * @param preservedUntil when the preservation lapses; null unless preserved
 * @param reminded whether the requester was reminded of the lapse
 * @param snoozes how many times the request was snoozed
 * @param drill whether this is a reachability drill: it climbs the requested Party's own
 * steps like a real request, an acknowledgement closes it ({@code DRILL_ACKNOWLEDGED}),
 * and when those steps are exhausted it closes as {@code DRILL_FAILED} instead of waking
 * the network coordinator; {@code false} for ladders stored before drills existed
 */
public record Ladder(RequestId requestId, CountryCode from, CountryCode to, Urgency urgency, long policyVersion,
		List<PlannedStep> steps, Duration coordinatorInterval, Terms terms, LadderStatus status, int step, long fence,
		List<OfficerId> paged, Set<OfficerId> everPaged, Instant deadline, long lastSequence, OfficerId acknowledgedBy,
		boolean delivered, Instant preservedUntil, boolean reminded, int snoozes, Boolean drill) {

	/**
	 * How long to wait before looking again for a coordinator when the directory names
	 * none.
	 */
	static final Duration NO_COORDINATOR_RETRY = Duration.ofMinutes(1);

	public Ladder {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(status, "status");
		steps = List.copyOf(steps);
		paged = List.copyOf(paged);
		everPaged = Set.copyOf(everPaged);
		// Ladders stored before terms existed read with the defaults of their urgency.
		terms = (terms != null) ? terms : Terms.defaults(urgency);
		drill = Boolean.TRUE.equals(drill);
		if (status.timed()) {
			Objects.requireNonNull(deadline, "a ladder in state " + status + " has a timer");
		}
	}

	/**
	 * Routes a newly accepted request: snapshots the receiving contact point's policy and
	 * the network's terms, and pages the first step that finds someone.
	 * @param deadlineOverride when present, replaces every time to acknowledge (for
	 * demos)
	 */
	public static Decision route(SubmitRequest submit, DirectoryView directory, Optional<Duration> deadlineOverride,
			Instant now) {
		CountryCode to = submit.request().to();
		Urgency urgency = submit.request().urgency();
		Optional<ContactPoint> contactPoint = directory.contactPoint(to);
		List<PlannedStep> steps = new ArrayList<>();
		// A policy that repeats is snapshotted climbed out: its steps once, then again
		// for
		// each repeat, so the ladder itself needs no notion of rounds.
		contactPoint.ifPresent((cp) -> {
			for (int round = 0; round <= cp.policy().repeats(); round++) {
				for (EscalationStep step : cp.policy().steps()) {
					steps.add(new PlannedStep(step.target(), deadlineOverride.orElse(step.acknowledgeWithin(urgency))));
				}
			}
		});
		Duration coordinatorInterval = deadlineOverride.orElseGet(() -> directory.network()
			.map((network) -> network.acknowledgeWithin(urgency))
			.orElse(urgency.defaultAcknowledgementDeadline()));
		long policyVersion = contactPoint.map((cp) -> cp.policy().version()).orElse(0L);
		// The requested Party's own preservation period applies when its officer names no
		// date: at least the Convention's 60 days, longer where its law says so.
		Terms terms = contactPoint.map(
				(cp) -> Terms.defaults(urgency).withPreservationPeriod(Duration.ofDays(cp.treaty().preservationDays())))
			.orElse(Terms.defaults(urgency));
		Draft draft = new Draft(new Ladder(submit.requestId(), submit.request().from(), to, urgency, policyVersion,
				steps, coordinatorInterval, terms, LadderStatus.ALERTING, 0, 0, List.of(), Set.of(),
				submit.acceptedAt(), 0, null, false, null, false, 0, submit.drill()));
		draft.emit((sequence) -> new RequestRouted(submit.requestId(), sequence, now, submit.request().from(), to,
				urgency, policyVersion, steps.size(), submit.drill()));
		draft.climb(1, submit.acceptedAt(), directory, now);
		return draft.decide();
	}

	/**
	 * The timer went off: escalate, bring back an unanswered alert, remind the requester
	 * of a lapsing preservation, or close a lapsed one.
	 * @param firedFence the fence the timer was set with
	 */
	public Decision deadlinePassed(long firedFence, DirectoryView directory, Instant now) {
		if (!this.status.timed() || firedFence != this.fence) {
			return Decision.unchanged(this);
		}
		Draft draft = new Draft(this);
		switch (this.status) {
			case ALERTING, EXHAUSTED -> {
				int next = this.step + 1;
				draft.emit(
						(sequence) -> new StepEscalated(this.requestId, sequence, now, this.step, next, this.deadline));
				draft.climb(next, this.deadline, directory, now);
			}
			case ACKNOWLEDGED -> {
				OfficerId officer = this.acknowledgedBy;
				draft.emit((sequence) -> new ResponseOverdue(this.requestId, sequence, now, officer, this.deadline));
				draft.status = (this.step > this.steps.size()) ? LadderStatus.EXHAUSTED : LadderStatus.ALERTING;
				draft.acknowledgedBy = null;
				draft.alert(this.step,
						new Paging(List.of(officer), officer + " acknowledged but gave no answer by " + this.deadline),
						this.deadline.plus(stepWindow(this.step)), now);
			}
			case PRESERVED -> {
				if (!this.reminded) {
					draft.emit((sequence) -> new PreservationExpiring(this.requestId, sequence, now, this.from, this.to,
							this.preservedUntil));
					draft.reminded = true;
					draft.deadline = this.preservedUntil;
				}
				else {
					draft.emit((sequence) -> new RequestClosed(this.requestId, sequence, now,
							RequestClosed.Outcome.PRESERVATION_LAPSED));
					draft.close();
				}
				draft.fence++;
			}
			default -> throw new IllegalStateException("no timer in state " + this.status);
		}
		return draft.decide();
	}

	/**
	 * Someone moves the ladder on at once. The next step's deadline is planned from now:
	 * there is no missed deadline to plan it from. Nothing happens once nobody is being
	 * paged.
	 */
	public Decision escalateNow(EscalateNow escalation, DirectoryView directory, Instant now) {
		if (!this.status.paging()) {
			return Decision.unchanged(this);
		}
		if (!mayAnswer(escalation.by(), directory)) {
			return refuse(escalation.by(), "EscalateNow", escalation.by() + " " + NOT_ALLOWED + this.to, now);
		}
		Draft draft = new Draft(this);
		int next = this.step + 1;
		draft.emit((sequence) -> new EscalatedByHand(this.requestId, sequence, now, escalation.by(), this.step, next));
		draft.climb(next, now, directory, now);
		return draft.decide();
	}

	/**
	 * Someone took charge. Those paged, or paged earlier (a late acknowledgement), always
	 * may; anyone else only if they are an officer or supervisor of the requested Party
	 * or a network coordinator. A second acknowledgement changes nothing.
	 */
	public Decision acknowledge(AcknowledgeRequest acknowledgement, DirectoryView directory, Instant now) {
		if (!this.status.paging()) {
			return Decision.unchanged(this);
		}
		OfficerId officer = acknowledgement.officer();
		if (this.drill && !this.everPaged.contains(officer) && !actsForRequestedParty(officer, directory)) {
			// A drill measures the Party's own reachability: a coordinator's
			// acknowledgement would measure nothing.
			return refuse(officer, "AcknowledgeRequest",
					officer + " was not paged and a drill is acknowledged only by the people of " + this.to, now);
		}
		if (!this.everPaged.contains(officer) && !mayAnswer(officer, directory)) {
			return refuse(officer, "AcknowledgeRequest", officer + " was not paged and " + NOT_ALLOWED + this.to, now);
		}
		Draft draft = new Draft(this);
		draft.acknowledge(officer, acknowledgement.via(), now);
		return draft.decide();
	}

	/**
	 * The requested Party answers. An answer to a request still paging acknowledges it
	 * too; an answer to a preserved request replaces the earlier one (an extension, or
	 * the disclosure that follows).
	 */
	public Decision respond(RespondToRequest command, DirectoryView directory, Instant now) {
		OfficerId officer = command.officer();
		if (this.status == LadderStatus.CLOSED) {
			return refuse(officer, "RespondToRequest", "the request is closed", now);
		}
		if (this.drill) {
			return refuse(officer, "RespondToRequest", "a drill is acknowledged, never answered", now);
		}
		if (!mayAnswer(officer, directory)) {
			return refuse(officer, "RespondToRequest", officer + " " + NOT_ALLOWED + this.to, now);
		}
		Response response = command.response();
		Instant until = null;
		if (response.kind() == ResponseKind.PRESERVED) {
			until = (response.preservedUntil() != null) ? response.preservedUntil()
					: now.plus(this.terms.preservationPeriod());
			if (!until.isAfter(now)) {
				return refuse(officer, "RespondToRequest", "the preservation date " + until + " is not in the future",
						now);
			}
		}
		Draft draft = new Draft(this);
		if (this.status.paging()) {
			draft.acknowledge(officer, ContactChannel.CONSOLE, now);
		}
		Response recorded = (until != null) ? new Response(ResponseKind.PRESERVED, until, response.note()) : response;
		draft.emit((sequence) -> new RequestResponded(this.requestId, sequence, now, officer, recorded));
		draft.fence++;
		switch (response.kind()) {
			case PRESERVED -> {
				draft.status = LadderStatus.PRESERVED;
				draft.preservedUntil = until;
				draft.reminded = false;
				draft.deadline = reminderAt(until, now);
			}
			case DISCLOSED, REFUSED -> {
				RequestClosed.Outcome outcome = (response.kind() == ResponseKind.DISCLOSED)
						? RequestClosed.Outcome.DISCLOSED : RequestClosed.Outcome.REFUSED;
				draft.emit((sequence) -> new RequestClosed(this.requestId, sequence, now, outcome));
				draft.close();
			}
			case NEEDS_INFORMATION -> {
				draft.status = LadderStatus.AWAITING_INFORMATION;
				draft.deadline = null;
			}
		}
		return draft.decide();
	}

	/**
	 * The officer who acknowledged asks to be alerted again after a while, within the
	 * bounds of {@link #terms()}.
	 */
	public Decision snooze(SnoozeRequest command, Instant now) {
		OfficerId officer = command.officer();
		if (this.status != LadderStatus.ACKNOWLEDGED) {
			return refuse(officer, "SnoozeRequest", "only an acknowledged request waiting for an answer can be snoozed",
					now);
		}
		if (!officer.equals(this.acknowledgedBy)) {
			return refuse(officer, "SnoozeRequest",
					"only " + this.acknowledgedBy + ", who acknowledged it, may snooze it", now);
		}
		if (this.snoozes >= this.terms.maxSnoozes()) {
			return refuse(officer, "SnoozeRequest",
					"it was snoozed " + this.snoozes + " times already, the most a request allows", now);
		}
		if (command.duration().compareTo(this.terms.snoozeBound()) > 0) {
			return refuse(officer, "SnoozeRequest",
					"a snooze of a " + this.urgency + " request lasts at most " + this.terms.snoozeBound(), now);
		}
		Instant until = now.plus(command.duration());
		Draft draft = new Draft(this);
		draft.snoozes++;
		int left = this.terms.maxSnoozes() - draft.snoozes;
		draft.emit((sequence) -> new AcknowledgementSnoozed(this.requestId, sequence, now, officer, until, left));
		draft.deadline = until;
		draft.fence++;
		return draft.decide();
	}

	/**
	 * The requester answers the requested Party's question: the time to respond starts
	 * again from now.
	 */
	public Decision supplyInformation(SupplyInformation command, DirectoryView directory, Instant now) {
		OfficerId by = command.by();
		if (this.status != LadderStatus.AWAITING_INFORMATION) {
			return refuse(by, "SupplyInformation", "the requested Party asked for no information", now);
		}
		boolean ofRequester = directory.contactPoint(this.from).flatMap((cp) -> cp.officer(by)).isPresent();
		if (!ofRequester && !isCoordinator(by, directory)) {
			return refuse(by, "SupplyInformation", by + " does not act for " + this.from, now);
		}
		Instant respondBy = now.plus(this.terms.respondWithin());
		Draft draft = new Draft(this);
		draft.emit((sequence) -> new InformationSupplied(this.requestId, sequence, now, by, command.note(), respondBy));
		draft.status = LadderStatus.ACKNOWLEDGED;
		draft.deadline = respondBy;
		draft.fence++;
		return draft.decide();
	}

	/**
	 * A paged officer's console showed the alert. Only the first delivery to someone who
	 * was paged is an event: that is when the request reached a person.
	 */
	public Decision recordDelivery(RecordDelivery delivery, Instant now) {
		if (this.delivered || !this.everPaged.contains(delivery.officer())) {
			return Decision.unchanged(this);
		}
		Draft draft = new Draft(this);
		draft.emit((sequence) -> new AlertDelivered(this.requestId, sequence, now, delivery.officer(), this.step));
		draft.delivered = true;
		return draft.decide();
	}

	/** When this ladder must be woken next, if it waits for a time at all. */
	public Optional<Instant> pendingDeadline() {
		return this.status.timed() ? Optional.of(this.deadline) : Optional.empty();
	}

	private static final String NOT_ALLOWED = "is not an officer or supervisor of ";

	/**
	 * Officers and supervisors of the requested Party, and the network coordinators: the
	 * same rule as the gateway's, applied again here because a command may reach Kafka by
	 * another way than the gateway.
	 */
	private boolean mayAnswer(OfficerId officer, DirectoryView directory) {
		return isCoordinator(officer, directory) || actsForRequestedParty(officer, directory);
	}

	/** An officer or supervisor of the requested Party. */
	private boolean actsForRequestedParty(OfficerId officer, DirectoryView directory) {
		return directory.contactPoint(this.to)
			.flatMap((cp) -> cp.officer(officer))
			.filter((found) -> found.hasRole(Role.OFFICER) || found.hasRole(Role.SUPERVISOR))
			.isPresent();
	}

	private static boolean isCoordinator(OfficerId officer, DirectoryView directory) {
		return directory.network()
			.map(NetworkSettings::coordinators)
			.orElse(List.of())
			.stream()
			.anyMatch((coordinator) -> coordinator.id().equals(officer));
	}

	private Decision refuse(OfficerId by, String command, String reason, Instant now) {
		Draft draft = new Draft(this);
		draft.emit((sequence) -> new CommandRefused(this.requestId, sequence, now, by, command, reason));
		return draft.decide();
	}

	/** The time to acknowledge of a step, the coordinator's past the policy's last. */
	private Duration stepWindow(int step) {
		return (step >= 1 && step <= this.steps.size()) ? this.steps.get(step - 1).acknowledgeWithin()
				: this.coordinatorInterval;
	}

	/**
	 * The reminder comes {@link Terms#reminderLead()} before the lapse, or half-way there
	 * when the preservation is shorter than that, so it is never already due.
	 */
	private Instant reminderAt(Instant until, Instant now) {
		Instant reminder = until.minus(this.terms.reminderLead());
		return reminder.isAfter(now) ? reminder : now.plus(Duration.between(now, until).dividedBy(2));
	}

	/** Builds the next ladder and the events that lead to it. */
	private static final class Draft {

		private final Ladder from;

		private final List<RequestEvent> events = new ArrayList<>();

		private LadderStatus status;

		private int step;

		private long fence;

		private List<OfficerId> paged;

		private final Set<OfficerId> everPaged;

		private Instant deadline;

		private long sequence;

		private OfficerId acknowledgedBy;

		private boolean delivered;

		private Instant preservedUntil;

		private boolean reminded;

		private int snoozes;

		Draft(Ladder from) {
			this.from = from;
			this.status = from.status;
			this.step = from.step;
			this.fence = from.fence;
			this.paged = from.paged;
			this.everPaged = new LinkedHashSet<>(from.everPaged);
			this.deadline = from.deadline;
			this.sequence = from.lastSequence;
			this.acknowledgedBy = from.acknowledgedBy;
			this.delivered = from.delivered;
			this.preservedUntil = from.preservedUntil;
			this.reminded = from.reminded;
			this.snoozes = from.snoozes;
		}

		void emit(LongFunction<RequestEvent> event) {
			this.sequence++;
			this.events.add(event.apply(this.sequence));
		}

		/** Stops the paging: the officer has the request, and owes an answer. */
		void acknowledge(OfficerId officer, ContactChannel via, Instant now) {
			Ladder ladder = this.from;
			boolean wasPaged = this.paged.contains(officer);
			boolean late = !wasPaged && this.everPaged.contains(officer);
			int atStep = this.step;
			if (ladder.drill) {
				// The drill measured what it came for; nobody owes an answer to it.
				emit((sequence) -> new RequestAcknowledged(ladder.requestId, sequence, now, officer, atStep, wasPaged,
						late, null, via));
				emit((sequence) -> new RequestClosed(ladder.requestId, sequence, now,
						RequestClosed.Outcome.DRILL_ACKNOWLEDGED));
				this.acknowledgedBy = officer;
				this.fence++;
				close();
				return;
			}
			Instant respondBy = now.plus(ladder.terms.respondWithin());
			emit((sequence) -> new RequestAcknowledged(ladder.requestId, sequence, now, officer, atStep, wasPaged, late,
					respondBy, via));
			this.status = LadderStatus.ACKNOWLEDGED;
			this.acknowledgedBy = officer;
			this.paged = List.of();
			this.deadline = respondBy;
			this.fence++;
		}

		void close() {
			this.status = LadderStatus.CLOSED;
			this.paged = List.of();
			this.deadline = null;
		}

		/**
		 * Pages the first step from {@code first} on that finds someone; steps that find
		 * nobody are recorded as skipped and not waited out.
		 * @param plannedStart the instant the step's time to acknowledge counts from
		 */
		void climb(int first, Instant plannedStart, DirectoryView directory, Instant now) {
			Ladder ladder = this.from;
			int next = first;
			while (next <= ladder.steps.size()) {
				PlannedStep planned = ladder.steps.get(next - 1);
				Optional<Paging> paging = directory.contactPoint(ladder.to)
					.flatMap((contactPoint) -> OnCall.page(contactPoint, planned.target(), now));
				if (paging.isPresent()) {
					alert(next, paging.get(), plannedStart.plus(planned.acknowledgeWithin()), now);
					return;
				}
				int skipped = next;
				emit((sequence) -> new StepSkipped(ladder.requestId, sequence, now, skipped,
						"nobody is " + planned.target() + " for " + ladder.to));
				next++;
			}
			if (ladder.drill) {
				// A drill tests the Party's own reachability; waking the network
				// coordinator at night for a test would teach them to ignore real pages.
				// The failure is the drill's result.
				emit((sequence) -> new RequestClosed(ladder.requestId, sequence, now,
						RequestClosed.Outcome.DRILL_FAILED));
				this.step = next;
				this.fence++;
				close();
				return;
			}
			if (this.status != LadderStatus.EXHAUSTED) {
				this.status = LadderStatus.EXHAUSTED;
				emit((sequence) -> new LadderExhausted(ladder.requestId, sequence, now, ladder.from, ladder.to));
			}
			List<OfficerId> coordinators = directory.network()
				.map(NetworkSettings::coordinators)
				.orElse(List.of())
				.stream()
				.map(Officer::id)
				.toList();
			if (coordinators.isEmpty()) {
				int skipped = next;
				emit((sequence) -> new StepSkipped(ladder.requestId, sequence, now, skipped,
						"the directory names no network coordinator"));
				this.step = next;
				this.paged = List.of();
				this.fence++;
				this.deadline = plannedStart.plus(NO_COORDINATOR_RETRY);
				return;
			}
			// The coordinator is paged again every interval, on the planned cadence;
			// after an
			// outage that cadence is kept, but the intervals missed meanwhile are not
			// paged
			// one by one in a burst.
			Instant due = plannedStart.plus(ladder.coordinatorInterval);
			while (!due.isAfter(now)) {
				due = due.plus(ladder.coordinatorInterval);
			}
			alert(next, new Paging(coordinators, "network coordinator: the ladder of " + ladder.to + " is exhausted"),
					due, now);
		}

		void alert(int step, Paging paging, Instant due, Instant now) {
			Ladder ladder = this.from;
			this.step = step;
			this.fence++;
			this.paged = paging.officers();
			this.everPaged.addAll(paging.officers());
			this.deadline = due;
			long alertFence = this.fence;
			emit((sequence) -> new OfficersAlerted(ladder.requestId, sequence, now, ladder.from, ladder.to,
					ladder.urgency, step, alertFence, paging.officers(), paging.reason(), due, ladder.drill));
		}

		Decision decide() {
			Ladder ladder = this.from;
			Ladder next = new Ladder(ladder.requestId, ladder.from, ladder.to, ladder.urgency, ladder.policyVersion,
					ladder.steps, ladder.coordinatorInterval, ladder.terms, this.status, this.step, this.fence,
					this.paged, this.everPaged, this.deadline, this.sequence, this.acknowledgedBy, this.delivered,
					this.preservedUntil, this.reminded, this.snoozes, ladder.drill);
			return new Decision(next, this.events, next.pendingDeadline());
		}

	}

}
