package org.vigil.gateway.status;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.vigil.gateway.receipt.Receipts;
import org.vigil.gateway.status.ProjectionMarks.Mark.Missing;
import org.vigil.gateway.status.ProjectionMarks.Mark.Projected;
import org.vigil.gateway.status.ProjectionMarks.Mark.Replaying;
import org.vigil.protocol.Topics;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.AlertDelivered;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestResponded;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DeliveryUpdate;

import static org.vigil.gateway.audit.SubmissionAuditFilter.LOG_REQUEST_ID;

/**
 * Projects submissions and lifecycle events into the read model, and hands the resulting
 * alert frames to every gateway instance. All gateway instances share one consumer group,
 * so each partition is projected by one of them; reading committed records only, so an
 * event the dispatcher aborted never reaches an officer.
 *
 * <p>
 * The read model is rebuilt by itself when Redis loses it (a {@code FLUSHALL}, a restart
 * without its append-only file, a new empty Redis). Every partition projected into this
 * Redis has a mark there ({@link ProjectionMarks}); the committed offsets live in Kafka
 * and would survive the loss. Each poll's batch first looks up the marks of its
 * partitions, and every event's writes check the mark again in the same atomic script
 * ({@link Writes}), so that no event is written on top of nothing between the loss and
 * the replay. A partition whose mark is gone is read again from its beginning, under a
 * replay mark saying where the loss was found; it counts as projected again only once the
 * replay is past that point. A replay cut short (a rebalance, a crash, a failed batch) is
 * started again from the beginning by whoever next reads the partition and finds the
 * replay mark without having started it: the consumer group's committed offset may
 * already be past what was replayed. Replayed records below where the loss was found push
 * no frames: officers saw them when they happened, and a console catches up from the
 * alert list anyway.
 */
public class EventProjector implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(EventProjector.class);

	private final RequestStatuses statuses;

	private final ProjectionMarks marks;

	private final Receipts receipts;

	/** Per consumer thread: the replays it runs, by partition. */
	private final ThreadLocal<Map<TopicPartition, Replaying>> replays = ThreadLocal.withInitial(HashMap::new);

	public EventProjector(RequestStatuses statuses, ProjectionMarks marks, Receipts receipts) {
		this.statuses = statuses;
		this.marks = marks;
		this.receipts = receipts;
	}

	@KafkaListener(id = "vigil-gateway-projector", topics = { Topics.REQUESTS, Topics.EVENTS, Topics.NOTIFICATIONS },
			groupId = "${vigil.gateway.consumer-group:vigil-gateway}", containerFactory = "gatewayBatchListenerFactory")
	void project(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
		Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
		Map<TopicPartition, Long> lastOffsets = new LinkedHashMap<>();
		records.forEach((record) -> {
			TopicPartition partition = new TopicPartition(record.topic(), record.partition());
			firstOffsets.putIfAbsent(partition, record.offset());
			lastOffsets.put(partition, record.offset());
		});
		// Every assigned partition, not only those with records now: one that stays quiet
		// is rebuilt all the same.
		Map<TopicPartition, Replaying> ifLost = new LinkedHashMap<>();
		lastOffsets
			.forEach((partition, last) -> ifLost.put(partition, new Replaying(firstOffsets.get(partition), last + 1)));
		for (TopicPartition partition : consumer.assignment()) {
			if (!ifLost.containsKey(partition)) {
				long position = consumer.position(partition);
				ifLost.put(partition, new Replaying(position, position));
			}
		}
		Map<TopicPartition, Replaying> mine = this.replays.get();
		// Partitions read again from the beginning: the rest of their records in this
		// batch are skipped.
		Set<TopicPartition> restarted = new HashSet<>();
		try {
			checkMarks(ifLost, consumer::seekToBeginning, restarted);
			projectRecords(records, lastOffsets, restarted, consumer);
			Map<TopicPartition, Long> positions = new HashMap<>();
			for (TopicPartition partition : consumer.assignment()) {
				if (mine.containsKey(partition) && !restarted.contains(partition)) {
					positions.put(partition, consumer.position(partition));
				}
			}
			finishReplays(positions);
		}
		catch (RuntimeException ex) {
			// The error handler seeks partitions back (all of them, or those from the
			// failed record on), undoing the seeks to the beginning above, so those
			// replays start again from their marks in the next batch: kept as running,
			// the records after the loss would be written on top of nothing.
			restarted.forEach(mine::remove);
			throw ex;
		}
	}

	private void projectRecords(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> lastOffsets,
			Set<TopicPartition> restarted, Consumer<?, ?> consumer) {
		Map<TopicPartition, Replaying> mine = this.replays.get();
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<String, byte[]> record = records.get(i);
			TopicPartition partition = new TopicPartition(record.topic(), record.partition());
			if (restarted.contains(partition)) {
				continue; // read again from the beginning
			}
			Replaying replay = mine.get(partition);
			boolean push = replay == null || record.offset() >= replay.pushFrom();
			// Every log line about this record names its request (the key), for the JSON
			// logs.
			MDC.put(LOG_REQUEST_ID, record.key());
			try {
				if (!project(record, partition, push)) {
					replayFromTheBeginning(partition, new Replaying(record.offset(), lastOffsets.get(partition) + 1),
							"the read model lost its mark while this batch was projected", consumer::seekToBeginning,
							restarted);
				}
			}
			catch (UnreadableRecord ex) {
				log.error("Skipping unreadable record {} of {}: {}", record.offset(), partition, ex.getMessage());
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException("Could not project " + partition + "@" + record.offset(), ex, i);
			}
			finally {
				MDC.remove(LOG_REQUEST_ID);
			}
		}
	}

	/**
	 * A consumer with nothing to read for a while looks at its marks too, so that a loss
	 * of Redis is repaired while the network is quiet, and a replay whose last records
	 * were transaction markers is finished.
	 */
	@Override
	public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		Map<TopicPartition, Replaying> ifLost = new LinkedHashMap<>();
		assignments.forEach((partition, position) -> ifLost.put(partition, new Replaying(position, position)));
		Set<TopicPartition> restarted = new HashSet<>();
		try {
			checkMarks(ifLost, callback::seekToBeginning, restarted);
			Map<TopicPartition, Long> positions = new HashMap<>(assignments);
			positions.keySet().removeAll(restarted);
			finishReplays(positions);
		}
		catch (RuntimeException ex) {
			// Looked at again in 5 s, or by the next batch, which waits for Redis with
			// backoff; the replays begun here start again from their marks.
			log.warn("Could not look at the read model's marks while idle: {}", ex.toString());
			restarted.forEach(this.replays.get()::remove);
		}
	}

	/**
	 * Looks up the marks of these partitions and starts the replays they need.
	 * @param ifLost the partitions, each with the replay to start if its mark is gone
	 * @param restarted gets the partitions now read again from the beginning
	 */
	private void checkMarks(Map<TopicPartition, Replaying> ifLost, Seek seekToBeginning,
			Set<TopicPartition> restarted) {
		Map<TopicPartition, Replaying> mine = this.replays.get();
		this.marks.of(ifLost.keySet()).forEach((partition, mark) -> {
			Replaying lost = ifLost.get(partition);
			// Position 0 of a replay this thread runs is where it sought, not an empty
			// partition.
			if (mark instanceof Missing && lost.until() == 0 && !mine.containsKey(partition)) {
				// Nothing to read again: an empty partition, from its first record on.
				this.marks.projected(partition);
			}
			else if (mark instanceof Missing) {
				replayFromTheBeginning(partition, lost,
						"the read model has no mark for it (Redis lost it, or never had it)", seekToBeginning,
						restarted);
			}
			else if (mark instanceof Replaying replay && !mine.containsKey(partition)) {
				replayFromTheBeginning(partition, replay,
						"a replay of it was cut short (a rebalance, a crash or a failed batch)", seekToBeginning,
						restarted);
			}
			else if (mark instanceof Projected) {
				mine.remove(partition);
			}
		});
	}

	/**
	 * Ends the replays whose consumer position is past the offset they had to reach: all
	 * records before it were projected.
	 */
	private void finishReplays(Map<TopicPartition, Long> positions) {
		Map<TopicPartition, Replaying> mine = this.replays.get();
		positions.forEach((partition, position) -> {
			Replaying replay = mine.get(partition);
			if (replay != null && position >= replay.until()) {
				if (this.marks.replayed(partition, replay)) {
					log.info("Replayed {} up to offset {}: the read model holds it again", partition, position);
				}
				// Done, or Redis lost the mark meanwhile: the next look starts a new
				// replay.
				mine.remove(partition);
			}
		});
	}

	private void replayFromTheBeginning(TopicPartition partition, Replaying found, String why, Seek seekToBeginning,
			Set<TopicPartition> restarted) {
		Replaying running = this.replays.get().get(partition);
		// Lost again during a replay this thread runs: the records below the replay's
		// position had their frames pushed, once, and so had those below where the first
		// loss was found.
		Replaying replay = (running != null) ? new Replaying(Math.max(running.pushFrom(), found.pushFrom()),
				Math.max(running.until(), found.until())) : found;
		log.warn("Replaying {} from the beginning, because {}; frames of records below offset {} are not pushed "
				+ "again", partition, why, replay.pushFrom());
		this.marks.replaying(partition, replay);
		seekToBeginning.toBeginning(List.of(partition));
		this.replays.get().put(partition, replay);
		restarted.add(partition);
	}

	/** The consumer's seek, or the container's callback's outside a batch. */
	private interface Seek {

		void toBeginning(Collection<TopicPartition> partitions);

	}

	/**
	 * A partition taken from this consumer ends the replays this thread ran of it:
	 * whoever reads it next starts them again.
	 */
	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.replays.get().keySet().removeAll(partitions);
	}

	/**
	 * Projects one record.
	 * @return false if an event was not written because the read model no longer holds
	 * its partition
	 */
	private boolean project(ConsumerRecord<String, byte[]> record, TopicPartition partition, boolean push) {
		if (Topics.REQUESTS.equals(record.topic())) {
			if (WireJson.read(record.value(), DispatchCommand.class) instanceof SubmitRequest submit) {
				// Written whatever the mark: a submission's fields are the same however
				// often it is recorded, so one written on top of nothing does no harm.
				if (!this.statuses.recordSubmissionHasReceipt(submit)) {
					this.statuses.recordSubmission(submit, this.receipts.signAccepted(submit));
				}
			}
			return true;
		}
		if (Topics.NOTIFICATIONS.equals(record.topic())) {
			// Written whatever the mark too: each update is projected once, by its key.
			this.statuses.applyDelivery(WireJson.read(record.value(), DeliveryUpdate.class));
			return true;
		}
		RequestEvent event = WireJson.read(record.value(), RequestEvent.class);
		RequestStatuses.Applied applied = this.statuses.apply(event, partition, push);
		if (applied.lost()) {
			return false;
		}
		Receipts.Subject subject = applied.subject();
		if (subject != null) {
			if (event instanceof AlertDelivered delivered) {
				this.receipts.delivered(subject, delivered);
			}
			else if (event instanceof RequestAcknowledged acknowledged) {
				this.receipts.acknowledged(subject, acknowledged);
			}
			else if (event instanceof RequestResponded responded) {
				this.receipts.responded(subject, responded);
			}
		}
		return true;
	}

}
