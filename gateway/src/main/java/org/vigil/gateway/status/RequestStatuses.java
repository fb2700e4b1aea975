package org.vigil.gateway.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.receipt.Receipts;
import org.vigil.gateway.metrics.GatewayMetrics;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.dispatch.Response;
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
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.receipt.ReceiptKind;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DeliveryUpdate;

/**
 * The requests' read model in Redis (layout in {@link GatewayKeys}).
 *
 * <p>
 * Submissions and events arrive on different topics, so in any order; each writes only
 * its own fields, and the state only ever moves forward with the event sequence, so the
 * model converges whatever the order and however often a record is replayed.
 */
public class RequestStatuses {

	private static final String REQUEST = "request";

	private static final String SUBMITTED_BY = "submittedBy";

	private static final String ACCEPTED_AT = "acceptedAt";

	private static final String STATE = "status";

	private static final String SEQUENCE = "sequence";

	private static final String STEP = "step";

	private static final String PAGED = "paged";

	private static final String DEADLINE = "deadline";

	private static final String ACKNOWLEDGED_BY = "acknowledgedBy";

	private static final String ACKNOWLEDGED_AT = "acknowledgedAt";

	private static final String ACKNOWLEDGED_VIA = "acknowledgedVia";

	private static final String DELIVERED_TO = "deliveredTo";

	private static final String DELIVERED_AT = "deliveredAt";

	private static final String REQUEST_DIGEST = "requestDigest";

	private static final String SIGNED = "signed";

	private static final String SIGNED_BY_NETWORK = "signedByNetwork";

	private static final String FROM = "from";

	private static final String TO = "to";

	private static final String URGENCY = "urgency";

	private static final String RESPOND_BY = "respondBy";

	private static final String RESPONSE = "response";

	private static final String PRESERVED_UNTIL = "preservedUntil";

	private static final String OUTCOME = "outcome";

	private static final String DRILL = "drill";

	/** The offence alone, so that every alert frame need not parse the whole request. */
	private static final String OFFENCE = "offence";

	private static final String ACCEPTED_RECEIPT = "receipt." + ReceiptKind.ACCEPTED.name();

	/**
	 * A submission in one atomic round trip: its fields; its ACCEPTED receipt unless one
	 * is kept already; its state only if it has none yet (events may have moved it on
	 * already), and then its place among the submitted; the receiver's list and, unless a
	 * drill, the sender's.
	 */
	private static final RedisScript<Long> RECORD_SUBMISSION = new DefaultRedisScript<>("""
			for i = 8, #ARGV, 2 do
			  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
			end
			if ARGV[7] ~= '' then
			  redis.call('HSETNX', KEYS[1], ARGV[6], ARGV[7])
			end
			if redis.call('HSETNX', KEYS[1], ARGV[3], ARGV[4]) == 1 then
			  redis.call('SADD', KEYS[2], ARGV[1])
			end
			redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
			if ARGV[5] == '0' then
			  redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
			end
			return redis.call('HEXISTS', KEYS[1], ARGV[6])
			""", Long.class);

	private final StringRedisTemplate redis;

	private final GatewayMetrics metrics;

	public RequestStatuses(StringRedisTemplate redis, GatewayMetrics metrics) {
		this.redis = redis;
		this.metrics = metrics;
	}

	/**
	 * Whether the network knows a request id, and the digest of the signed request it
	 * accepted under it (null while only its events are known): one cheap read for the
	 * replay check of every submission.
	 */
	public Optional<Known> known(RequestId id) {
		List<Object> values = this.redis.opsForHash()
			.multiGet(GatewayKeys.request(id), List.of(REQUEST_DIGEST, STATE, SEQUENCE));
		if (values == null || values.stream().allMatch(java.util.Objects::isNull)) {
			return Optional.empty();
		}
		return Optional.of(new Known((values.get(0) != null) ? values.get(0).toString() : null));
	}

	/**
	 * @param requestDigest the digest of the accepted signed request; null if unknown yet
	 */
	public record Known(String requestDigest) {
	}

	public boolean exists(RequestId id) {
		return Boolean.TRUE.equals(this.redis.hasKey(GatewayKeys.request(id)));
	}

	/**
	 * Records a request the network accepted. Safe to repeat, and never moves the state
	 * back.
	 */
	public void recordSubmission(SubmitRequest submit) {
		recordSubmission(submit, null);
	}

	/**
	 * As {@link #recordSubmission(SubmitRequest, Receipts.Signed)} without a receipt.
	 * @return whether an ACCEPTED receipt is kept for it: the projector signs one only
	 * when the answer to the sender did not (signing every submission twice would cost
	 * more than the rare second round trip)
	 */
	public boolean recordSubmissionHasReceipt(SubmitRequest submit) {
		return recordSubmission(submit, null);
	}

	/**
	 * Records a request the network accepted, with its ACCEPTED receipt in the same round
	 * trip (kept only if none is kept yet: whoever keeps one first, the answer to the
	 * sender or the projector, keeps it for good). Safe to repeat, and never moves the
	 * state back.
	 * @param accepted the signed receipt, or null for none (a drill has none)
	 * @return whether an ACCEPTED receipt is kept for the request now
	 */
	public boolean recordSubmission(SubmitRequest submit, Receipts.Signed accepted) {
		PreservationRequest request = submit.request();
		String key = GatewayKeys.request(request.id());
		Map<String, String> fields = new HashMap<>();
		fields.put(REQUEST, new String(WireJson.write(request)));
		fields.put(OFFENCE, (request.offence() != null) ? request.offence() : "");
		fields.put(SUBMITTED_BY, submit.submittedBy().value());
		fields.put(ACCEPTED_AT, submit.acceptedAt().toString());
		fields.put(FROM, request.from().value());
		fields.put(TO, request.to().value());
		fields.put(URGENCY, request.urgency().name());
		fields.put(REQUEST_DIGEST, submit.signed().digest());
		fields.put(SIGNED, Base64.getEncoder().encodeToString(submit.signed().cms()));
		fields.put(SIGNED_BY_NETWORK, Boolean.toString(submit.signed().signedByNetwork()));
		fields.put(DRILL, Boolean.toString(submit.drill()));
		long score = submit.acceptedAt().toEpochMilli();
		List<String> args = new ArrayList<>(
				List.of(request.id().value(), Long.toString(score), STATE, RequestState.SUBMITTED.name(),
						submit.drill() ? "1" : "0", ACCEPTED_RECEIPT, (accepted != null) ? accepted.value() : ""));
		fields.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		// The drilled Party did not send its drill; the network did (the script leaves
		// the sender's list alone for a drill).
		Long kept = this.redis.execute(RECORD_SUBMISSION,
				List.of(key, GatewayKeys.requestsInState(RequestState.SUBMITTED.name()),
						GatewayKeys.received(request.to()), GatewayKeys.sent(request.from())),
				args.toArray());
		return kept != null && kept == 1;
	}

	/**
	 * Projects one event. Events of a request come from one partition, in order, and only
	 * one gateway instance projects that partition at a time.
	 * @param partition where the event came from: nothing is written unless the read
	 * model still holds that partition ({@link ProjectionMarks}, {@link Writes})
	 * @return the frames to push to officers' consoles (none for an event seen before),
	 * and what the request's receipts need; {@link Applied#LOST} if nothing was written
	 * because the partition's mark is gone
	 */
	public Applied apply(RequestEvent event, TopicPartition partition, boolean push) {
		String key = GatewayKeys.request(event.requestId());
		// One read: everything below decides from what the request held before this
		// event, and all it writes goes back in one atomic round trip (Writes).
		Map<Object, Object> hash = entries(key);
		Object stored = hash.get(SEQUENCE);
		long seen = (stored != null) ? Long.parseLong(stored.toString()) : 0;
		Receipts.Subject subject = receiptSubject(hash);
		if (event.sequence() <= seen) {
			return new Applied(List.of(), subject);
		}
		Map<String, String> fields = new HashMap<>();
		fields.put(SEQUENCE, Long.toString(event.sequence()));
		Writes writes = new Writes(ProjectionMarks.key(partition));
		List<String> previouslyPaged = split(hash.get(PAGED));
		List<AlertFrame> frames = new ArrayList<>();
		String offence = offence(hash);
		String text;
		if (event instanceof RequestRouted routed) {
			fields.put(STATE, RequestState.ROUTED.name());
			fields.put(FROM, routed.from().value());
			fields.put(TO, routed.to().value());
			fields.put(URGENCY, routed.urgency().name());
			fields.put(DRILL, Boolean.toString(routed.drill()));
			text = routed.drill()
					? "Drill of " + routed.to() + " routed with policy version " + routed.policyVersion() + " ("
							+ routed.steps() + " steps; a drill never pages the network coordinator)"
					: "Routed to " + routed.to() + " with policy version " + routed.policyVersion() + " ("
							+ routed.steps() + " steps before the network coordinator)";
		}
		else if (event instanceof OfficersAlerted alerted) {
			boolean exhausted = RequestState.EXHAUSTED.name().equals(text(hash, STATE));
			fields.put(STATE, (exhausted ? RequestState.EXHAUSTED : RequestState.ALERTED).name());
			fields.put(STEP, Integer.toString(alerted.step()));
			List<String> officers = alerted.officers().stream().map(OfficerId::value).toList();
			fields.put(PAGED, String.join(",", officers));
			fields.put(DEADLINE, alerted.deadline().toString());
			clearAlerts(hash, writes, event, previouslyPaged, officers, "escalated to step " + alerted.step(), offence,
					frames);
			for (String officer : officers) {
				writes.add("SADD", GatewayKeys.alerts(OfficerId.of(officer)), event.requestId().value());
			}
			frames.add(new AlertFrame(AlertFrame.ALERT, officers, event.requestId().value(), alerted.from().value(),
					alerted.to().value(), alerted.urgency().name(), alerted.step(), alerted.deadline(),
					alerted.reason(), offence, alerted.at(), alerted.drill()));
			text = "Step " + alerted.step() + ": paged " + String.join(", ", officers) + " (" + alerted.reason()
					+ "); acknowledge by " + alerted.deadline();
		}
		else if (event instanceof AlertDelivered delivered) {
			fields.put(DELIVERED_TO, delivered.officer().value());
			fields.put(DELIVERED_AT, delivered.at().toString());
			text = "Delivered: the alert is on " + delivered.officer() + "'s screen";
		}
		else if (event instanceof StepEscalated escalated) {
			text = "No acknowledgement by " + escalated.missedDeadline() + ": escalated from step "
					+ escalated.fromStep() + " to step " + escalated.toStep();
		}
		else if (event instanceof EscalatedByHand escalated) {
			text = escalated.by() + " escalated by hand from step " + escalated.fromStep() + " to step "
					+ escalated.toStep();
		}
		else if (event instanceof StepSkipped skipped) {
			text = "Step " + skipped.step() + " skipped: " + skipped.reason();
		}
		else if (event instanceof LadderExhausted exhausted) {
			fields.put(STATE, RequestState.EXHAUSTED.name());
			text = "Every step of " + exhausted.to()
					+ " passed without acknowledgement: the network coordinator is paged and " + exhausted.from()
					+ " is told";
			notifyRequester(hash, event, text, null, offence, frames);
		}
		else if (event instanceof RequestAcknowledged acknowledged) {
			measureFirstAcknowledgement(hash, acknowledged);
			fields.put(STATE, RequestState.ACKNOWLEDGED.name());
			fields.put(ACKNOWLEDGED_BY, acknowledged.by().value());
			fields.put(ACKNOWLEDGED_AT, acknowledged.at().toString());
			fields.put(ACKNOWLEDGED_VIA, acknowledged.via().name());
			fields.put(RESPOND_BY, (acknowledged.respondBy() != null) ? acknowledged.respondBy().toString() : "");
			fields.put(PAGED, "");
			fields.put(DEADLINE, "");
			clearAlerts(hash, writes, event, previouslyPaged, List.of(), "acknowledged by " + acknowledged.by(),
					offence, frames);
			text = "Acknowledged by " + acknowledged.by()
					+ ((acknowledged.via() != ContactChannel.CONSOLE) ? " via " + acknowledged.via().words() : "")
					+ (acknowledged.late() ? " (late)" : "")
					+ (acknowledged.wasPaged() ? "" : " (not among those paged)");
		}
		else if (event instanceof ResponseOverdue overdue) {
			fields.put(ACKNOWLEDGED_BY, "");
			fields.put(ACKNOWLEDGED_AT, "");
			fields.put(ACKNOWLEDGED_VIA, "");
			fields.put(RESPOND_BY, "");
			text = overdue.acknowledgedBy() + " acknowledged but gave no answer by " + overdue.due()
					+ ": the alert comes back";
		}
		else if (event instanceof AcknowledgementSnoozed snoozed) {
			fields.put(RESPOND_BY, snoozed.until().toString());
			text = snoozed.by() + " snoozed the request until " + snoozed.until() + " (" + snoozed.snoozesLeft()
					+ " snoozes left)";
		}
		else if (event instanceof RequestResponded responded) {
			Response response = responded.response();
			RequestState state = switch (response.kind()) {
				case PRESERVED -> RequestState.PRESERVED;
				case NEEDS_INFORMATION -> RequestState.AWAITING_INFORMATION;
				case DISCLOSED, REFUSED -> RequestState.ACKNOWLEDGED;
			};
			fields.put(STATE, state.name());
			fields.put(RESPOND_BY, "");
			fields.put(RESPONSE, new String(WireJson.write(new RequestStatus.Answer(response.kind().name(),
					responded.by().value(), responded.at(), response.note()))));
			fields.put(PRESERVED_UNTIL,
					(response.preservedUntil() != null) ? response.preservedUntil().toString() : "");
			text = answerText(responded);
			notifyRequester(hash, event, text, response.preservedUntil(), offence, frames);
		}
		else if (event instanceof InformationSupplied supplied) {
			fields.put(STATE, RequestState.ACKNOWLEDGED.name());
			fields.put(RESPOND_BY, supplied.respondBy().toString());
			text = supplied.by() + " supplied the information asked for; an answer is due by " + supplied.respondBy();
			Object acknowledgedBy = hash.get(ACKNOWLEDGED_BY);
			if (acknowledgedBy != null && !acknowledgedBy.toString().isEmpty()) {
				notify(List.of(acknowledgedBy.toString()), hash, event, text + ": " + supplied.note(),
						supplied.respondBy(), offence, frames);
			}
		}
		else if (event instanceof PreservationExpiring expiring) {
			text = "The preservation lapses at " + expiring.preservedUntil() + ": " + expiring.from()
					+ " should send the mutual-assistance request or ask for an extension (Art. 29(7))";
			notifyRequester(hash, event, text, expiring.preservedUntil(), offence, frames);
		}
		else if (event instanceof RequestClosed closed) {
			fields.put(STATE, RequestState.CLOSED.name());
			fields.put(OUTCOME, closed.outcome().name());
			fields.put(RESPOND_BY, "");
			fields.put(PAGED, "");
			fields.put(DEADLINE, "");
			clearAlerts(hash, writes, event, previouslyPaged, List.of(), "closed", offence, frames);
			text = "Closed: " + switch (closed.outcome()) {
				case DISCLOSED -> "the data was disclosed";
				case REFUSED -> "the request was refused";
				case PRESERVATION_LAPSED -> "the preservation period ran out";
				case DRILL_ACKNOWLEDGED -> "the drill was acknowledged";
				case DRILL_FAILED ->
					"the drill failed: nobody of " + text(hash, TO) + " acknowledged before its ladder ran out";
			};
			if (closed.outcome() == RequestClosed.Outcome.PRESERVATION_LAPSED) {
				notifyRequester(hash, event, text, null, offence, frames);
			}
		}
		else {
			CommandRefused refused = (CommandRefused) event;
			text = "Not applied: " + refused.command() + " by " + refused.by() + ", because " + refused.reason();
		}
		writes.hset(key, fields);
		moveState(writes, event.requestId(), hash.get(STATE), fields.get(STATE));
		writes.add("RPUSH", GatewayKeys.timeline(event.requestId()), new String(WireJson
			.write(new TimelineEntry(event.sequence(), event.getClass().getSimpleName(), event.at(), text))));
		if (push) {
			for (AlertFrame frame : frames) {
				writes.add("PUBLISH", GatewayKeys.ALERT_CHANNEL, new String(WireJson.write(frame)));
			}
		}
		if (!writes.run(this.redis)) {
			return Applied.LOST;
		}
		return new Applied(frames, subject);
	}

	/**
	 * What projecting an event gave.
	 *
	 * @param frames the frames to push to officers' consoles; empty for an event seen
	 * before
	 * @param subject what a receipt of the request needs, from the same read; null until
	 * its submission is known
	 */
	public record Applied(List<AlertFrame> frames, Receipts.Subject subject) {

		/** Nothing written: the read model no longer holds the event's partition. */
		public static final Applied LOST = new Applied(List.of(), null);

		public boolean lost() {
			return this == LOST;
		}

	}

	private static Receipts.Subject receiptSubject(Map<Object, Object> hash) {
		String digest = text(hash, REQUEST_DIGEST);
		String from = text(hash, FROM);
		String to = text(hash, TO);
		if (digest == null || from == null || to == null) {
			return null;
		}
		Set<ReceiptKind> kept = EnumSet.noneOf(ReceiptKind.class);
		kept.addAll(receiptsIn(hash));
		return new Receipts.Subject(digest, from, to, kept);
	}

	/**
	 * Keeps the per-state sets ({@link GatewayKeys#requestsInState}) in step with the
	 * state field. Set operations, so a replay converges; a closed request is in none.
	 */
	private static void moveState(Writes writes, RequestId id, Object before, String after) {
		if (after == null || after.equals(before)) {
			return;
		}
		if (before != null) {
			writes.add("SREM", GatewayKeys.requestsInState(before.toString()), id.value());
		}
		if (!RequestState.CLOSED.name().equals(after)) {
			writes.add("SADD", GatewayKeys.requestsInState(after), id.value());
		}
	}

	/**
	 * Time to acknowledge, once per request: a second acknowledgement (after a missed
	 * answer) is not a new one. Only new events get here (the sequence check above).
	 */
	private void measureFirstAcknowledgement(Map<Object, Object> hash, RequestAcknowledged acknowledged) {
		List<Object> values = java.util.stream.Stream.of(ACKNOWLEDGED_AT, ACCEPTED_AT, URGENCY, DRILL)
			.map(hash::get)
			.toList();
		boolean first = values.get(0) == null || values.get(0).toString().isEmpty();
		if (first && values.get(1) != null) {
			this.metrics.acknowledged(Duration.between(Instant.parse(values.get(1).toString()), acknowledged.at()),
					(values.get(2) != null) ? values.get(2).toString() : null,
					Boolean.parseBoolean(String.valueOf(values.get(3))));
		}
	}

	private static void clearAlerts(Map<Object, Object> hash, Writes writes, RequestEvent event,
			List<String> previouslyPaged, List<String> stillPaged, String reason, String offence,
			List<AlertFrame> frames) {
		List<String> cleared = previouslyPaged.stream().filter((officer) -> !stillPaged.contains(officer)).toList();
		if (cleared.isEmpty()) {
			return;
		}
		for (String officer : cleared) {
			writes.add("SREM", GatewayKeys.alerts(OfficerId.of(officer)), event.requestId().value());
		}
		frames.add(new AlertFrame(AlertFrame.CLEARED, cleared, event.requestId().value(), text(hash, FROM),
				text(hash, TO), text(hash, URGENCY), intOrZero(hash.get(STEP)), null, reason, offence, event.at(),
				isDrill(hash)));
	}

	private static String answerText(RequestResponded responded) {
		Response response = responded.response();
		String note = (response.note() != null) ? ": " + response.note() : "";
		return responded.by() + " answered " + switch (response.kind()) {
			case PRESERVED -> "PRESERVED until " + response.preservedUntil() + note;
			case DISCLOSED -> "DISCLOSED" + note;
			case REFUSED -> "REFUSED" + note;
			case NEEDS_INFORMATION -> "NEEDS INFORMATION" + note;
		};
	}

	/** Tells whoever filed the request; a national system simply reads the status. */
	private static void notifyRequester(Map<Object, Object> hash, RequestEvent event, String text, Instant due,
			String offence, List<AlertFrame> frames) {
		Object submittedBy = hash.get(SUBMITTED_BY);
		if (submittedBy != null) {
			notify(List.of(submittedBy.toString()), hash, event, text, due, offence, frames);
		}
	}

	private static void notify(List<String> recipients, Map<Object, Object> hash, RequestEvent event, String text,
			Instant due, String offence, List<AlertFrame> frames) {
		frames.add(new AlertFrame(AlertFrame.NOTICE, recipients, event.requestId().value(), text(hash, FROM),
				text(hash, TO), text(hash, URGENCY), intOrZero(hash.get(STEP)), due, text, offence, event.at(),
				isDrill(hash)));
	}

	public Optional<RequestStatus> find(RequestId id) {
		// The hash and the timeline in one round trip: every read of the API and every
		// receipt goes through here.
		List<Object> both = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			connection.hashCommands().hGetAll(GatewayKeys.request(id).getBytes(StandardCharsets.UTF_8));
			connection.listCommands().lRange(GatewayKeys.timeline(id).getBytes(StandardCharsets.UTF_8), 0, -1);
			return null;
		});
		@SuppressWarnings("unchecked")
		Map<Object, Object> hash = (both.get(0) != null) ? (Map<Object, Object>) both.get(0) : Map.of();
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		@SuppressWarnings("unchecked")
		List<String> stored = (both.get(1) != null) ? (List<String>) both.get(1) : List.of();
		List<TimelineEntry> timeline = stored.stream()
			.map((json) -> WireJson.read(json.getBytes(), TimelineEntry.class))
			.toList();
		Object request = hash.get(REQUEST);
		Object state = hash.get(STATE);
		return Optional.of(
				new RequestStatus(id.value(),
						(state != null) ? RequestState.valueOf(state.toString()) : RequestState.SUBMITTED,
						text(hash, FROM), text(hash, TO), text(hash, URGENCY), instant(hash.get(ACCEPTED_AT)),
						text(hash, SUBMITTED_BY), hash.containsKey(STEP) ? intOrZero(hash.get(STEP)) : null,
						split(hash.get(PAGED)), instant(hash.get(DEADLINE)), text(hash, DELIVERED_TO),
						instant(hash.get(DELIVERED_AT)), blankToNull(text(hash, ACKNOWLEDGED_BY)),
						instant(hash.get(ACKNOWLEDGED_AT)), instant(hash.get(RESPOND_BY)), answer(hash.get(RESPONSE)),
						instant(hash.get(PRESERVED_UNTIL)), text(hash, OUTCOME),
						(request != null) ? WireJson.read(request.toString().getBytes(), PreservationRequest.class)
								: null,
						text(hash, REQUEST_DIGEST), Boolean.parseBoolean(text(hash, SIGNED_BY_NETWORK)),
						receiptsIn(hash), timeline, isDrill(hash), blankToNull(text(hash, ACKNOWLEDGED_VIA))));
	}

	/**
	 * Puts a message's fate on its request's timeline: queued, sent, delivered or failed
	 * (a cancelled message was never sent, and is left out). Safe to repeat: an update
	 * already projected adds nothing.
	 * @return whether it was added
	 */
	public boolean applyDelivery(DeliveryUpdate update) {
		// No check that the request is known yet: a replay may bring a request's delivery
		// updates before its submission (another topic), and the read model converges
		// whatever the order.
		if (update.status() == DeliveryStatus.CANCELLED) {
			return false;
		}
		Long added = this.redis.opsForSet()
			.add(GatewayKeys.deliveriesProjected(update.requestId()),
					update.key().value() + "|" + update.status().name());
		if (added == null || added == 0) {
			return false;
		}
		DeliveryKey key = update.key();
		String text = switch (update.status()) {
			case QUEUED -> key.channel().words() + " to " + key.officer() + " (step " + key.step() + ") queued for "
					+ update.due();
			case SENT -> key.channel().words() + " to " + key.officer() + " (step " + key.step() + ") sent";
			case DELIVERED -> key.channel().words() + " to " + key.officer() + " (step " + key.step() + ") delivered";
			case FAILED -> key.channel().words() + " to " + key.officer() + " (step " + key.step() + ") failed"
					+ ((update.detail() != null) ? ": " + update.detail() : "");
			case CANCELLED -> throw new IllegalStateException("left out above");
		};
		this.redis.opsForList()
			.rightPush(GatewayKeys.timeline(update.requestId()),
					new String(WireJson.write(new TimelineEntry(update.alertSequence(),
							"Delivery" + capitalized(update.status()), update.at(), text))));
		return true;
	}

	private static String capitalized(DeliveryStatus status) {
		String name = status.name();
		return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
	}

	/** The exact signed bytes the network accepted for a request. */
	public Optional<byte[]> signed(RequestId id) {
		Object stored = this.redis.opsForHash().get(GatewayKeys.request(id), SIGNED);
		return Optional.ofNullable(stored).map((base64) -> Base64.getDecoder().decode(base64.toString()));
	}

	private Map<Object, Object> entries(String key) {
		return this.redis.opsForHash().entries(key);
	}

	private static boolean isDrill(Map<Object, Object> hash) {
		return Boolean.parseBoolean(text(hash, DRILL));
	}

	private static List<ReceiptKind> receiptsIn(Map<Object, Object> hash) {
		return Arrays.stream(ReceiptKind.values())
			.filter((kind) -> hash.containsKey("receipt." + kind.name()))
			.toList();
	}

	/** The requests currently paging an officer, newest alert last. */
	public List<RequestStatus> alerting(OfficerId officer) {
		Set<String> ids = this.redis.opsForSet().members(GatewayKeys.alerts(officer));
		return (ids != null) ? ids.stream()
			.map(RequestId::of)
			.map(this::find)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(RequestStatus::acceptedAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList() : List.of();
	}

	/**
	 * A page of a country's requests, sent or received, newest first: those after the
	 * request {@code after} (from the newest when null), at most {@code limit}. Requests
	 * that arrive meanwhile come before the cursor, so paging on never repeats or skips
	 * one.
	 * @throws IllegalArgumentException if {@code after} is not among them
	 */
	public Page recent(CountryCode country, boolean sent, String after, int limit) {
		String key = sent ? GatewayKeys.sent(country) : GatewayKeys.received(country);
		long start = 0;
		if (after != null) {
			Long rank = this.redis.opsForZSet().reverseRank(key, after);
			if (rank == null) {
				throw new IllegalArgumentException("no request " + after + " in this list");
			}
			start = rank + 1;
		}
		Set<String> ids = this.redis.opsForZSet().reverseRange(key, start, start + limit);
		List<String> page = (ids != null) ? new ArrayList<>(ids) : new ArrayList<>();
		String next = null;
		if (page.size() > limit) {
			page = page.subList(0, limit);
			next = page.get(limit - 1);
		}
		return new Page(page.stream().map(RequestId::of).map(this::find).flatMap(Optional::stream).toList(), next);
	}

	/**
	 * @param items the requests of the page
	 * @param next the cursor of the next page; null on the last
	 */
	public record Page(List<RequestStatus> items, String next) {
	}

	/** A country's most recent requests, sent or received, newest first. */
	public List<RequestStatus> recent(CountryCode country, boolean sent, int limit) {
		String key = sent ? GatewayKeys.sent(country) : GatewayKeys.received(country);
		Set<String> ids = this.redis.opsForZSet().reverseRange(key, 0, limit - 1);
		return (ids != null) ? ids.stream().map(RequestId::of).map(this::find).flatMap(Optional::stream).toList()
				: List.of();
	}

	private static String offence(Map<Object, Object> hash) {
		Object offence = hash.get(OFFENCE);
		if (offence != null) {
			return offence.toString().isEmpty() ? null : offence.toString();
		}
		// Recorded before the field existed.
		Object request = hash.get(REQUEST);
		return (request != null) ? WireJson.read(request.toString().getBytes(), PreservationRequest.class).offence()
				: null;
	}

	private static List<String> split(Object value) {
		return (value == null || value.toString().isEmpty()) ? List.of() : Arrays.asList(value.toString().split(","));
	}

	private static String text(Map<Object, Object> hash, String field) {
		Object value = hash.get(field);
		return (value != null) ? value.toString() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static RequestStatus.Answer answer(Object value) {
		return (value == null || value.toString().isEmpty()) ? null
				: WireJson.read(value.toString().getBytes(), RequestStatus.Answer.class);
	}

	private static Integer intOrZero(Object value) {
		return (value != null && !value.toString().isEmpty()) ? Integer.valueOf(value.toString()) : 0;
	}

	private static Instant instant(Object value) {
		return (value != null && !value.toString().isEmpty()) ? Instant.parse(value.toString()) : null;
	}

}
