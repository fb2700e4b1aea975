package org.vigil.audit.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.receipt.Receipt;

/**
 * Copies the dispatcher's facts into the audit log: one thread reads
 * {@link Topics#EVENTS} (read_committed, its own consumer group) and writes the
 * {@link EventAudit} entry of each event to {@link Topics#AUDIT}, then commits the
 * events' offsets once the broker holds every entry of the batch.
 *
 * <p>
 * At least once, made exactly once by the ledger: a crash between the writes and the
 * commit, or a consumer group reset to replay the events, writes entries again with the
 * same ids, and the ledger numbers only the first entry of an id. A record that is not an
 * event is not dropped in silence: it gets an {@code UNREADABLE_EVENT} entry with its
 * digest and its place in the topic.
 */
public class EventAuditor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventAuditor.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final String bootstrapServers;

	private final String consumerGroup;

	private volatile boolean running;

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	private Thread thread;

	/**
	 * @param bootstrapServers the Kafka cluster
	 * @param consumerGroup the group whose committed offsets say how far the events were
	 * audited
	 */
	public EventAuditor(String bootstrapServers, String consumerGroup) {
		this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
		this.consumerGroup = Objects.requireNonNull(consumerGroup, "consumerGroup");
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "audit-events " + this.consumerGroup);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, this.consumerGroup, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5);
		while (this.running) {
			try (KafkaConsumer<byte[], byte[]> events = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
					new ByteArrayDeserializer());
					KafkaProducer<String, byte[]> audit = new KafkaProducer<>(producerConfig, new StringSerializer(),
							new ByteArraySerializer())) {
				this.consumer = events;
				events.subscribe(List.of(Topics.EVENTS));
				while (this.running) {
					ConsumerRecords<byte[], byte[]> records = events.poll(POLL);
					if (records.isEmpty()) {
						continue;
					}
					List<Future<RecordMetadata>> sent = new ArrayList<>(records.count());
					for (ConsumerRecord<byte[], byte[]> record : records) {
						AuditEntry entry = entryOf(record);
						sent.add(audit.send(new ProducerRecord<>(Topics.AUDIT, entry.object(), WireJson.write(entry))));
					}
					for (Future<RecordMetadata> write : sent) {
						write.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
					}
					// Only once the broker holds every entry: a crash before this line
					// writes them again, which the ledger recognises by their ids.
					events.commitSync();
				}
			}
			catch (WakeupException ex) {
				// stop() woke the consumer.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				// Uncommitted events are read again by the next consumer: nothing is
				// lost, and what was written twice is skipped by the ledger.
				log.error("Auditing {} failed; retrying from the last committed offsets", Topics.EVENTS, ex);
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

	/** The entry of one record: its event's entry, or a record of an unreadable one. */
	static AuditEntry entryOf(ConsumerRecord<byte[], byte[]> record) {
		try {
			return EventAudit.of(WireJson.read(record.value(), RequestEvent.class));
		}
		catch (RuntimeException ex) {
			String place = record.topic() + "-" + record.partition() + "@" + record.offset();
			log.error("The record at {} is not a lifecycle event; auditing it as unreadable", place, ex);
			String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : "-";
			return new AuditEntry(Instant.ofEpochMilli(record.timestamp()), EventAudit.NETWORK, "UNREADABLE_EVENT",
					key.isBlank() ? "-" : key, "REJECTED unreadable", "record " + place, place,
					(record.value() != null) ? Receipt.digestOf(record.value()) : null, "event-record:" + place, null);
		}
	}

	private void pause() {
		try {
			Thread.sleep(POLL.toMillis() * 5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
