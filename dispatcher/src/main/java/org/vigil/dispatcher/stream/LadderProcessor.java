package org.vigil.dispatcher.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.dispatcher.escalation.Decision;
import org.vigil.dispatcher.escalation.Ladder;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.EscalateNow;
import org.vigil.protocol.dispatch.RecordDelivery;
import org.vigil.protocol.dispatch.RespondToRequest;
import org.vigil.protocol.dispatch.SnoozeRequest;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.dispatch.SupplyInformation;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;

/**
 * Applies commands and due deadlines to the ladders of this task's partitions. Everything
 * it does for one input (state, deadline index, events) commits in one Kafka transaction,
 * so a crash either keeps all of it or none, and the input is then read again.
 *
 * <p>
 * Deadlines are checked on a wall-clock punctuation every {@code tick}, against the
 * injected {@link Clock}: a test that moves the clock sees the ladder move within one
 * tick.
 */
final class LadderProcessor implements Processor<String, byte[], String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(LadderProcessor.class);

	/** The log context (MDC) key of the request being processed. */
	static final String LOG_REQUEST_ID = "requestId";

	/**
	 * Bounds the work of one punctuation, so a backlog after an outage cannot stall the
	 * task.
	 */
	private static final int MAX_FIRES_PER_TICK = 10_000;

	private final Clock clock;

	private final DirectoryView directory;

	private final Optional<Duration> deadlineOverride;

	private final Duration tick;

	private ProcessorContext<String, byte[]> context;

	private KeyValueStore<String, byte[]> ladders;

	private KeyValueStore<Bytes, byte[]> deadlines;

	private final LadderMetrics metrics;

	LadderProcessor(Clock clock, DirectoryView directory, Optional<Duration> deadlineOverride, Duration tick,
			LadderMetrics metrics) {
		this.metrics = metrics;
		this.clock = clock;
		this.directory = directory;
		this.deadlineOverride = deadlineOverride;
		this.tick = tick;
	}

	@Override
	public void init(ProcessorContext<String, byte[]> context) {
		this.context = context;
		this.ladders = context.getStateStore(DispatcherTopology.LADDER_STORE);
		this.deadlines = context.getStateStore(DispatcherTopology.DEADLINE_STORE);
		context.schedule(this.tick, PunctuationType.WALL_CLOCK_TIME, this::fireDueDeadlines);
	}

	@Override
	public void process(Record<String, byte[]> record) {
		// Every log line about this command names its request (the key), for the JSON
		// logs.
		MDC.put(LOG_REQUEST_ID, String.valueOf(record.key()));
		try {
			processCommand(record);
		}
		finally {
			MDC.remove(LOG_REQUEST_ID);
		}
	}

	private void processCommand(Record<String, byte[]> record) {
		DispatchCommand command;
		try {
			command = WireJson.read(record.value(), DispatchCommand.class);
		}
		catch (UnreadableRecord | NullPointerException ex) {
			log.error("Dead-lettering unreadable command with key '{}': {}", record.key(), ex.getMessage());
			this.context.forward(record.withHeaders(record.headers().add("vigil.error", bytes(ex.getMessage()))),
					DispatcherTopology.DEAD_LETTER_SINK);
			return;
		}
		Instant now = this.clock.instant();
		Optional<Ladder> current = load(command.requestId());
		if (command instanceof SubmitRequest submit) {
			if (current.isPresent()) {
				// A replayed submission: the request is already on its ladder; page
				// nobody again.
				return;
			}
			apply(null, Ladder.route(submit, this.directory, this.deadlineOverride, now), record.timestamp());
		}
		else if (current.isEmpty()) {
			// Commands about a request reach the dispatcher after its submission, on the
			// same partition; one without a ladder names a request the network never
			// accepted.
			log.warn("Ignoring {} about unknown request {}", command.getClass().getSimpleName(), command.requestId());
		}
		else {
			Ladder ladder = current.get();
			Decision decision;
			if (command instanceof AcknowledgeRequest acknowledgement) {
				decision = ladder.acknowledge(acknowledgement, this.directory, now);
			}
			else if (command instanceof EscalateNow escalation) {
				decision = ladder.escalateNow(escalation, this.directory, now);
			}
			else if (command instanceof RecordDelivery delivery) {
				decision = ladder.recordDelivery(delivery, now);
			}
			else if (command instanceof RespondToRequest response) {
				decision = ladder.respond(response, this.directory, now);
			}
			else if (command instanceof SnoozeRequest snooze) {
				decision = ladder.snooze(snooze, now);
			}
			else {
				decision = ladder.supplyInformation((SupplyInformation) command, this.directory, now);
			}
			apply(ladder, decision, record.timestamp());
		}
	}

	private void fireDueDeadlines(long wallClockMillis) {
		Instant now = this.clock.instant();
		List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
		// A range, not all(): the in-memory store copies every key an iterator covers, so
		// the scan costs what is due, not what is pending.
		try (KeyValueIterator<Bytes, byte[]> all = this.deadlines.range(DeadlineIndex.FIRST,
				DeadlineIndex.dueBy(now))) {
			while (all.hasNext() && due.size() < MAX_FIRES_PER_TICK) {
				KeyValue<Bytes, byte[]> entry = all.next();
				if (DeadlineIndex.due(entry.key).isAfter(now)) {
					break;
				}
				due.add(entry);
			}
		}
		for (KeyValue<Bytes, byte[]> entry : due) {
			this.deadlines.delete(entry.key);
			RequestId requestId = DeadlineIndex.requestId(entry.key);
			Optional<Ladder> ladder = load(requestId);
			if (ladder.isEmpty()) {
				continue;
			}
			MDC.put(LOG_REQUEST_ID, requestId.value());
			try {
				Decision decision = ladder.get().deadlinePassed(DeadlineIndex.fence(entry.value), this.directory, now);
				if (decision.changed()) {
					this.metrics.deadlineFired(DeadlineIndex.due(entry.key), now);
				}
				apply(ladder.get(), decision, wallClockMillis);
			}
			finally {
				MDC.remove(LOG_REQUEST_ID);
			}
		}
	}

	/**
	 * @param recordTimestamp the Kafka timestamp of the events: the input's, or the wall
	 * clock for a deadline. Never the injected clock, which a test may run hours ahead,
	 * further than a broker accepts timestamps from the future.
	 */
	private void apply(Ladder before, Decision decision, long recordTimestamp) {
		if (!decision.changed()) {
			return;
		}
		Ladder after = decision.ladder();
		if (before != null) {
			before.pendingDeadline()
				.ifPresent((due) -> this.deadlines.delete(DeadlineIndex.key(due, before.requestId())));
		}
		decision.nextDeadline()
			.ifPresent((due) -> this.deadlines.put(DeadlineIndex.key(due, after.requestId()),
					DeadlineIndex.fence(after.fence())));
		this.ladders.put(after.requestId().value(), WireJson.write(after));
		for (RequestEvent event : decision.events()) {
			String escalation = this.metrics.emitted(event);
			if (escalation != null) {
				// One line per escalation: what operators look for in the logs (the
				// request
				// id is in the log context).
				log.info("Escalation ({}) of request {}", escalation, event.requestId().value());
			}
			this.context.forward(new Record<>(event.requestId().value(), WireJson.write(event), recordTimestamp),
					DispatcherTopology.EVENTS_SINK);
		}
	}

	private Optional<Ladder> load(RequestId requestId) {
		byte[] stored = this.ladders.get(requestId.value());
		return (stored != null) ? Optional.of(WireJson.read(stored, Ladder.class)) : Optional.empty();
	}

	private static byte[] bytes(String text) {
		return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
	}

}
