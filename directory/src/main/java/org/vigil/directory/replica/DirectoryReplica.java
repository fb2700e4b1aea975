package org.vigil.directory.replica;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;

/**
 * Materialises {@link Topics#DIRECTORY} in memory and keeps following it. Reads every
 * partition from the beginning without a consumer group, so each instance of each service
 * holds the whole directory.
 *
 * <p>
 * A record it cannot read is logged as an error and the previous entry for that key is
 * kept: a bad edit must not take a country off the network.
 */
public final class DirectoryReplica implements DirectoryView, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DirectoryReplica.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> consumerConfig;

	private final ConcurrentMap<CountryCode, ContactPoint> contactPoints = new ConcurrentHashMap<>();

	private volatile NetworkSettings network;

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile boolean running;

	/** The next offset to read, per partition of the topic, guarded by itself. */
	private final Map<Integer, Long> progress = new HashMap<>();

	private volatile KafkaConsumer<String, byte[]> consumer;

	private Thread thread;

	/**
	 * @param kafkaConfig client configuration with at least {@code bootstrap.servers};
	 * group and deserializer settings in it are ignored
	 */
	public DirectoryReplica(Map<String, Object> kafkaConfig) {
		Map<String, Object> config = new HashMap<>(kafkaConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-directory-replica");
		this.consumerConfig = config;
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "vigil-directory-replica");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Waits until every record that was on the topic when the replica started has been
	 * read.
	 * @return whether it caught up in time
	 */
	public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
		return this.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits until this replica has applied the record at {@code offset} of a partition of
	 * the directory topic: a writer calls it so that what it answers next already shows
	 * its own change.
	 * @return whether the record was applied in time
	 */
	public boolean awaitApplied(int partition, long offset, Duration timeout) throws InterruptedException {
		long giveUp = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (this.progress.getOrDefault(partition, 0L) <= offset) {
				long left = giveUp - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.progress, left);
			}
			return true;
		}
	}

	@Override
	public Optional<ContactPoint> contactPoint(CountryCode country) {
		return Optional.ofNullable(this.contactPoints.get(country));
	}

	@Override
	public Collection<ContactPoint> contactPoints() {
		return List.copyOf(this.contactPoints.values());
	}

	@Override
	public Optional<NetworkSettings> network() {
		return Optional.ofNullable(this.network);
	}

	@Override
	public void close() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
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
		}
	}

	private void run() {
		try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.consumerConfig)) {
			this.consumer = kafka;
			List<TopicPartition> partitions = awaitPartitions(kafka);
			kafka.assign(partitions);
			kafka.seekToBeginning(partitions);
			Map<TopicPartition, Long> startEnd = kafka.endOffsets(partitions);
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
					apply(record);
				}
				synchronized (this.progress) {
					for (TopicPartition partition : partitions) {
						this.progress.put(partition.partition(), kafka.position(partition));
					}
					this.progress.notifyAll();
				}
				if (this.caughtUp.getCount() > 0 && reached(kafka, startEnd)) {
					log.info("Directory replica caught up: {} contact points", this.contactPoints.size());
					this.caughtUp.countDown();
				}
			}
		}
		catch (WakeupException ex) {
			if (this.running) {
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			log.error("Directory replica stopped; this service no longer sees directory changes", ex);
			throw ex;
		}
	}

	private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
		while (this.running) {
			List<PartitionInfo> infos = kafka.partitionsFor(Topics.DIRECTORY, Duration.ofSeconds(5));
			if (infos != null && !infos.isEmpty()) {
				return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
			}
			log.info("Waiting for topic {} to exist", Topics.DIRECTORY);
		}
		throw new WakeupException();
	}

	private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> kafka.position(entry.getKey()) >= entry.getValue());
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		String key = record.key();
		try {
			if (DirectoryKeys.NETWORK.equals(key)) {
				this.network = (record.value() != null) ? WireJson.read(record.value(), NetworkSettings.class) : null;
				return;
			}
			Optional<CountryCode> country = DirectoryKeys.country(key);
			if (country.isEmpty()) {
				log.error("Ignoring directory record with unknown key '{}' at offset {}", key, record.offset());
				return;
			}
			if (record.value() == null) {
				this.contactPoints.remove(country.get());
			}
			else {
				this.contactPoints.put(country.get(), WireJson.read(record.value(), ContactPoint.class));
			}
		}
		catch (UnreadableRecord | IllegalArgumentException ex) {
			log.error("Keeping the previous entry for '{}': the record at {}-{}@{} is unreadable: {}", key,
					record.topic(), record.partition(), record.offset(), ex.getMessage());
		}
	}

}
