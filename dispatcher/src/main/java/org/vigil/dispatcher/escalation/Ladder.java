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
import org.vigil.directory.policy.EscalationStep;
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

/**
 * The escalation ladder of one request: which step is paging whom, until when.
 *
 * <p>
 * Deadlines are planned, never recomputed from "now": the deadline of step k+1 is the
 * deadline of step k plus step k+1's time to acknowledge, so a late timer does not push
 * every later step later. Each alert carries a fence; a timer that names an older fence
 * belongs to a superseded alert and is ignored, so a duplicate or stale timer is
 * harmless.
 *
 * <p>
 * The policy in force when the request was routed is snapshotted into {@link #steps()};
 * editing the policy later does not change this ladder. Who is on call is resolved when a
 * step starts, from the directory view at that instant.
 *
 * @param requestId the request
 * @param from the requesting Party
 * @param to the requested Party
 * @param urgency the request's urgency
 * @param policyVersion the version of the policy snapshotted
 * @param steps the policy's steps, with this request's deadlines
 * @param coordinatorInterval how long the network coordinator has to acknowledge before
 * being paged again
 * @param status where the ladder stands
 * @param step the step paging now, from 1; past {@code steps.size()} the coordinator's
 * @param fence increases with every alert and with the acknowledgement
 * @param paged who the current step pages; empty if nobody could be paged
 * @param everPaged everyone paged so far, to tell a late acknowledgement from a
 * stranger's
 * @param deadline when the current step escalates; null once acknowledged
 * @param lastSequence the sequence number of the last event published for this request
 * @param acknowledgedBy who acknowledged; null until then
 * @param delivered whether a paged officer's console has shown the alert yet
 */
public record Ladder(RequestId requestId, CountryCode from, CountryCode to, Urgency urgency, long policyVersion,
		List<PlannedStep> steps, Duration coordinatorInterval, LadderStatus status, int step, long fence,
		List<OfficerId> paged, Set<OfficerId> everPaged, Instant deadline, long lastSequence, OfficerId acknowledgedBy,
		boolean delivered) {

	/**
	 * How long to wait before looking again for a coordinator when the directory names
	 * none.
	 */
	static final Duration NO_COORDINATOR_RETRY = Duration.ofMinutes(1);

	public Ladder {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(status, "status");
		steps = List.copyOf(steps);
		paged = List.copyOf(paged);
		everPaged = Set.copyOf(everPaged);
		if (status != LadderStatus.ACKNOWLEDGED) {
			Objects.requireNonNull(deadline, "an open ladder has a deadline");
		}
	}

	/**
	 * Routes a newly accepted request: snapshots the receiving contact point's policy and
	 * pages the first step that finds someone.
	 * @param deadlineOverride when present, replaces every time to acknowledge (for
	 * demos)
	 */
	public static Decision route(SubmitRequest submit, DirectoryView directory, Optional<Duration> deadlineOverride,
			Instant now) {
		CountryCode to = submit.request().to();
		Urgency urgency = submit.request().urgency();
		Optional<ContactPoint> contactPoint = directory.contactPoint(to);
		List<PlannedStep> steps = new ArrayList<>();
		contactPoint.ifPresent((cp) -> {
			for (EscalationStep step : cp.policy().steps()) {
				steps.add(new PlannedStep(step.target(), deadlineOverride.orElse(step.acknowledgeWithin(urgency))));
			}
		});
		Duration coordinatorInterval = deadlineOverride.orElseGet(() -> directory.network()
			.map((network) -> network.acknowledgeWithin(urgency))
			.orElse(urgency.defaultAcknowledgementDeadline()));
		long policyVersion = contactPoint.map((cp) -> cp.policy().version()).orElse(0L);
		Draft draft = new Draft(new Ladder(submit.requestId(), submit.request().from(), to, urgency, policyVersion,
				steps, coordinatorInterval, LadderStatus.ALERTING, 0, 0, List.of(), Set.of(), submit.acceptedAt(), 0,
				null, false));
		draft.emit((sequence) -> new RequestRouted(submit.requestId(), sequence, now, submit.request().from(), to,
				urgency, policyVersion, steps.size()));
		draft.climb(1, submit.acceptedAt(), directory, now);
		return draft.decide();
	}

	/**
	 * The timer of an alert went off.
	 * @param firedFence the fence the timer was set with
	 */
	public Decision deadlinePassed(long firedFence, DirectoryView directory, Instant now) {
		if (this.status == LadderStatus.ACKNOWLEDGED || firedFence != this.fence) {
			return Decision.unchanged(this);
		}
		Draft draft = new Draft(this);
		int next = this.step + 1;
		draft.emit((sequence) -> new StepEscalated(this.requestId, sequence, now, this.step, next, this.deadline));
		draft.climb(next, this.deadline, directory, now);
		return draft.decide();
	}

	/**
	 * Someone moves the ladder on at once. The next step's deadline is planned from now:
	 * there is no missed deadline to plan it from. Nothing happens once the request is
	 * acknowledged.
	 */
	public Decision escalateNow(EscalateNow escalation, DirectoryView directory, Instant now) {
		if (this.status == LadderStatus.ACKNOWLEDGED) {
			return Decision.unchanged(this);
		}
		Draft draft = new Draft(this);
		int next = this.step + 1;
		draft.emit((sequence) -> new EscalatedByHand(this.requestId, sequence, now, escalation.by(), this.step, next));
		draft.climb(next, now, directory, now);
		return draft.decide();
	}

	/**
	 * Someone took charge. The gateway has already checked that they may acknowledge
	 * requests to this Party; here we only record whether they were paged and whether
	 * they came late. A second acknowledgement changes nothing.
	 */
	public Decision acknowledge(AcknowledgeRequest acknowledgement, Instant now) {
		if (this.status == LadderStatus.ACKNOWLEDGED) {
			return Decision.unchanged(this);
		}
		OfficerId officer = acknowledgement.officer();
		boolean wasPaged = this.paged.contains(officer);
		boolean late = !wasPaged && this.everPaged.contains(officer);
		Draft draft = new Draft(this);
		draft.emit((sequence) -> new RequestAcknowledged(this.requestId, sequence, now, officer, this.step, wasPaged,
				late));
		draft.status = LadderStatus.ACKNOWLEDGED;
		draft.acknowledgedBy = officer;
		draft.deadline = null;
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

	/** When this ladder must be woken next, unless it is acknowledged. */
	public Optional<Instant> pendingDeadline() {
		return (this.status == LadderStatus.ACKNOWLEDGED) ? Optional.empty() : Optional.of(this.deadline);
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
		}

		void emit(LongFunction<RequestEvent> event) {
			this.sequence++;
			this.events.add(event.apply(this.sequence));
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
			alert(next, new Paging(coordinators, "network coordinator: the ladder of " + ladder.to + " is exhausted"),
					plannedStart.plus(ladder.coordinatorInterval), now);
		}

		private void alert(int step, Paging paging, Instant due, Instant now) {
			Ladder ladder = this.from;
			this.step = step;
			this.fence++;
			this.paged = paging.officers();
			this.everPaged.addAll(paging.officers());
			this.deadline = due;
			long alertFence = this.fence;
			emit((sequence) -> new OfficersAlerted(ladder.requestId, sequence, now, ladder.from, ladder.to,
					ladder.urgency, step, alertFence, paging.officers(), paging.reason(), due));
		}

		Decision decide() {
			Ladder ladder = this.from;
			Ladder next = new Ladder(ladder.requestId, ladder.from, ladder.to, ladder.urgency, ladder.policyVersion,
					ladder.steps, ladder.coordinatorInterval, this.status, this.step, this.fence, this.paged,
					this.everPaged, this.deadline, this.sequence, this.acknowledgedBy, this.delivered);
			return new Decision(next, this.events, next.pendingDeadline());
		}

	}

}
