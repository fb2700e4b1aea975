package org.vigil.notifier.alerting;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.notifier.NotifierConsumers;
import org.vigil.protocol.Topics;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;

/**
 * One thread that reads {@link Topics#EVENTS} (committed records only) in a consumer
 * group shared by all notifier instances, hands each event to the {@link AlertHandler},
 * and commits a batch only once every event of it is handled: a crash reads the batch
 * again, which plans nothing twice. When Kafka or Redis fails mid-batch, the consumer
 * goes back to the last commit and tries again.
 */
public class EventConsumer implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final Map<String, Object> config;

	private final AlertHandler handler;

	private volatile boolean running = true;

	private volatile KafkaConsumer<String, byte[]> consumer;

	public EventConsumer(String bootstrapServers, String group, AlertHandler handler, Duration sessionTimeout) {
		this.config = NotifierConsumers.config(bootstrapServers, group, 100, sessionTimeout);
		this.handler = handler;
	}

	@Override
	public void run() {
		try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = kafka;
			kafka.subscribe(Set.of(Topics.EVENTS));
			while (this.running) {
				ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
				try {
					for (ConsumerRecord<String, byte[]> record : records) {
						handle(record);
					}
					if (!records.isEmpty()) {
						kafka.commitSync();
					}
				}
				catch (WakeupException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					log.error("Could not plan the messages of a batch of events; reading it again in {}", RETRY, ex);
					rewind(kafka);
					Thread.sleep(RETRY.toMillis());
				}
			}
		}
		catch (WakeupException ex) {
			// stop() woke the consumer: nothing to do.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(ConsumerRecord<String, byte[]> record) {
		RequestEvent event;
		try {
			event = WireJson.read(record.value(), RequestEvent.class);
		}
		catch (UnreadableRecord ex) {
			// Written by a newer dispatcher, or damaged: the dispatcher's own record of
			// it
			// stands, and this service cannot plan from what it cannot read.
			log.error("Skipping unreadable event at {}-{}@{}", record.topic(), record.partition(), record.offset(), ex);
			return;
		}
		this.handler.handle(event);
	}

	private static void rewind(KafkaConsumer<String, byte[]> kafka) {
		Set<TopicPartition> assigned = kafka.assignment();
		Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(assigned);
		for (TopicPartition partition : assigned) {
			OffsetAndMetadata offset = committed.get(partition);
			if (offset != null) {
				kafka.seek(partition, offset.offset());
			}
			else {
				kafka.seekToBeginning(Set.of(partition));
			}
		}
	}

	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

}
