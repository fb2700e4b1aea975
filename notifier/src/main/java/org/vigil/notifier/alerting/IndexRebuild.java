package org.vigil.notifier.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.protocol.Topics;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DeliveryUpdate;

/**
 * Rebuilds the notifier's Redis index from Kafka when Redis has none (new, or lost): the
 * whole of {@code vigil.events} is planned again, as it was the first time (alerts whose
 * deadline has passed plan nothing, acknowledgements and closings cancel), then every
 * message that {@code vigil.notifications} records as sent, delivered, failed or
 * cancelled is marked so, and is not sent again. What was planned and not yet sent when
 * Redis was lost is sent; what was sent is not, unless its outcome never reached Kafka (a
 * duplicate, never silence). Runs before the notifier's threads start.
 */
public class IndexRebuild {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private final String bootstrapServers;

	private final AlertHandler handler;

	private final DeliveryQueue queue;

	private final Clock clock;

	public IndexRebuild(String bootstrapServers, AlertHandler handler, DeliveryQueue queue, Clock clock) {
		this.bootstrapServers = bootstrapServers;
		this.handler = handler;
		this.queue = queue;
		this.clock = clock;
	}

	/**
	 * @return whether the index had to be rebuilt
	 */
	public boolean runIfNeeded() {
		if (this.queue.indexBuilt()) {
			return false;
		}
		Instant started = this.clock.instant();
		long[] events = { 0 };
		readAll(Topics.EVENTS, (record) -> {
			RequestEvent event;
			try {
				event = WireJson.read(record.value(), RequestEvent.class);
			}
			catch (UnreadableRecord ex) {
				log.error("Skipping an unreadable event at {}-{}@{} while rebuilding", record.topic(),
						record.partition(), record.offset(), ex);
				return;
			}
			this.handler.handle(event);
			events[0]++;
		});
		// Updates of one request share a partition, in order; a QUEUED written by this
		// very
		// rebuild, or by an earlier replan, never undoes an outcome.
		Map<DeliveryKey, DeliveryStatus> outcomes = new HashMap<>();
		readAll(Topics.NOTIFICATIONS, (record) -> {
			DeliveryUpdate update;
			try {
				update = WireJson.read(record.value(), DeliveryUpdate.class);
			}
			catch (UnreadableRecord ex) {
				log.error("Skipping an unreadable delivery update at {}-{}@{}", record.topic(), record.partition(),
						record.offset(), ex);
				return;
			}
			if (update.status() != DeliveryStatus.QUEUED) {
				outcomes.put(update.key(), update.status());
			}
		});
		outcomes.forEach(this.queue::recorded);
		this.queue.markIndexBuilt(this.clock.instant());
		log.info("Rebuilt the notifier's index from {} events and {} recorded outcomes (started {})", events[0],
				outcomes.size(), started);
		return true;
	}

	private void readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())) {
				consumer.poll(POLL).forEach(each);
			}
		}
	}

}
