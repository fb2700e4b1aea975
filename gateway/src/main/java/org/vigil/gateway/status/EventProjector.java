package org.vigil.gateway.status;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.vigil.gateway.alerting.AlertFanOut;
import org.vigil.gateway.receipt.Receipts;
import org.vigil.protocol.RequestId;
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
 * Redis from its first record has a mark there ({@link RequestStatuses#projected}); the
 * committed offsets live in Kafka and would survive the loss. Each poll's batch first
 * looks up the marks of its partitions: a partition without one is read again from its
 * beginning and marked. The requests this thread wrote from that partition in its
 * previous batch are deleted first, because they may have been written after the loss, on
 * top of nothing, and a replay would skip their earlier events as already seen. The
 * replayed records up to where the loss was found push no frames: officers saw them when
 * they happened, and a console catches up from the alert list anyway.
 */
public class EventProjector {

	private static final Logger log = LoggerFactory.getLogger(EventProjector.class);

	private final RequestStatuses statuses;

	private final AlertFanOut fanOut;

	private final Receipts receipts;

	/** Per consumer thread: what each partition's previous batch wrote. */
	private final ThreadLocal<Map<TopicPartition, Set<RequestId>>> lastBatch = ThreadLocal.withInitial(HashMap::new);

	/**
	 * Per consumer thread: for a partition being replayed, the offset where the loss was
	 * found; records below it push no frames.
	 */
	private final ThreadLocal<Map<TopicPartition, Long>> replayingUntil = ThreadLocal.withInitial(HashMap::new);

	public EventProjector(RequestStatuses statuses, AlertFanOut fanOut, Receipts receipts) {
		this.statuses = statuses;
		this.fanOut = fanOut;
		this.receipts = receipts;
	}

	@KafkaListener(id = "vigil-gateway-projector", topics = { Topics.REQUESTS, Topics.EVENTS, Topics.NOTIFICATIONS },
			groupId = "${vigil.gateway.consumer-group:vigil-gateway}", containerFactory = "gatewayBatchListenerFactory")
	void project(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
		Set<TopicPartition> partitions = new LinkedHashSet<>();
		records.forEach((record) -> partitions.add(new TopicPartition(record.topic(), record.partition())));
		Set<TopicPartition> lost = this.statuses.unprojected(partitions);
		Map<TopicPartition, Set<RequestId>> written = this.lastBatch.get();
		Map<TopicPartition, Long> replaying = this.replayingUntil.get();
		if (!lost.isEmpty()) {
			for (TopicPartition partition : lost) {
				Set<RequestId> suspect = written.getOrDefault(partition, Set.of());
				long foundAt = records.stream()
					.filter((record) -> record.topic().equals(partition.topic())
							&& record.partition() == partition.partition())
					.mapToLong(ConsumerRecord::offset)
					.min()
					.orElse(0);
				log.warn("The read model has no mark for {} (Redis lost it, or never had it): replaying it from the "
						+ "beginning; {} requests written since the previous batch are rebuilt from scratch, frames "
						+ "below offset {} are not pushed again", partition, suspect.size(), foundAt);
				suspect.forEach(this.statuses::forget);
				written.remove(partition);
				replaying.put(partition, foundAt);
			}
			consumer.seekToBeginning(lost);
			this.statuses.markProjected(lost);
		}
		Map<TopicPartition, Set<RequestId>> writing = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<String, byte[]> record = records.get(i);
			TopicPartition partition = new TopicPartition(record.topic(), record.partition());
			if (lost.contains(partition)) {
				continue; // read again from the beginning
			}
			Long until = replaying.get(partition);
			boolean push = until == null || record.offset() >= until;
			if (until != null && push) {
				replaying.remove(partition);
			}
			// Every log line about this record names its request (the key), for the JSON
			// logs.
			MDC.put(LOG_REQUEST_ID, record.key());
			try {
				RequestId id = project(record, push);
				if (id != null) {
					writing.computeIfAbsent(partition, (p) -> new HashSet<>()).add(id);
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
		written.clear();
		written.putAll(writing);
	}

	/** Projects one record; the request it wrote, if any. */
	private RequestId project(ConsumerRecord<String, byte[]> record, boolean push) {
		if (Topics.REQUESTS.equals(record.topic())) {
			if (WireJson.read(record.value(), DispatchCommand.class) instanceof SubmitRequest submit) {
				if (!this.statuses.recordSubmissionHasReceipt(submit)) {
					this.statuses.recordSubmission(submit, this.receipts.signAccepted(submit));
				}
				// Not reported as written: a submission's fields are the same however
				// often
				// it is recorded (no sequence to skip it), and forgetting the whole
				// request
				// here would delete what its events, projected from another partition,
				// wrote.
				return null;
			}
			return null;
		}
		if (Topics.NOTIFICATIONS.equals(record.topic())) {
			// Not reported as written: forgetting a request's whole status because one of
			// its delivery updates is replayed would lose what its events wrote.
			this.statuses.applyDelivery(WireJson.read(record.value(), DeliveryUpdate.class));
			return null;
		}
		RequestEvent event = WireJson.read(record.value(), RequestEvent.class);
		RequestStatuses.Applied applied = this.statuses.apply(event);
		if (push) {
			applied.frames().forEach(this.fanOut::publish);
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
		return event.requestId();
	}

}
