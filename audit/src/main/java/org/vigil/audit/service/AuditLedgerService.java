package org.vigil.audit.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.NoteSigner;
import org.vigil.audit.ledger.Ledger;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;

/**
 * The ledger as a service: one thread reads {@link Topics#AUDIT} in order
 * (read_committed), canonicalizes each entry (RFC 8785), appends it to the {@link Ledger}
 * over a {@link RedisTreeStore}, and signs a checkpoint every N entries or T seconds.
 *
 * <p>
 * The topic must have one partition: the order of the entries is the order of the tree,
 * and a rebuild must read them in the same order; across partitions there is no such
 * order. A topic of more partitions stops the ledger with an error rather than number
 * entries in an order that a rebuild could not reproduce.
 *
 * <p>
 * Where to resume is read from Redis, never from Kafka's committed offsets (see
 * {@link RedisTreeStore}); the consumer commits to its group only so that lag shows in
 * the usual tools.
 */
public class AuditLedgerService implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditLedgerService.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private final AuditProperties properties;

	private final String bootstrapServers;

	private final StringRedisTemplate redis;

	private final AuditKeys keys;

	private final NoteSigner signer;

	private final Clock clock;

	private final RedisTreeStore store;

	private final Ledger ledger;

	private volatile boolean running;

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	private Thread thread;

	private long checkpointedSize;

	private Instant checkpointedAt;

	private volatile long skipped;

	public AuditLedgerService(AuditProperties properties, String bootstrapServers, StringRedisTemplate redis,
			NoteSigner signer, Clock clock) {
		this.properties = Objects.requireNonNull(properties, "properties");
		this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
		this.redis = Objects.requireNonNull(redis, "redis");
		this.signer = Objects.requireNonNull(signer, "signer");
		this.clock = Objects.requireNonNull(clock, "clock");
		String origin = properties.origin().isEmpty() ? signer.name() : properties.origin();
		if (!origin.equals(signer.name())) {
			throw new IllegalStateException("The log key is named " + signer.name() + ", but vigil.audit.origin is "
					+ origin + ": a checkpoint's origin is its key's name");
		}
		this.keys = new AuditKeys(properties.keyPrefix());
		this.store = new RedisTreeStore(redis, this.keys);
		this.ledger = new Ledger(origin, this.store);
	}

	public Ledger ledger() {
		return this.ledger;
	}

	public NoteSigner signer() {
		return this.signer;
	}

	public AuditKeys keys() {
		return this.keys;
	}

	/** The next offset of the topic that the ledger will read: how far it has come. */
	public long nextOffset() {
		synchronized (this.ledger) {
			return this.store.nextOffset();
		}
	}

	/** The canonical bytes of entries {@code [from, from + limit)} that exist. */
	public List<byte[]> entries(long from, int limit) {
		synchronized (this.ledger) {
			return this.store.entries(from, limit);
		}
	}

	/** The latest signed checkpoint, if any was signed yet. */
	public Optional<String> latestCheckpoint() {
		return Optional.ofNullable(this.redis.opsForValue().get(this.keys.checkpoint()));
	}

	/** Every signed checkpoint, oldest first. */
	public List<String> checkpoints() {
		List<String> notes = this.redis.opsForList().range(this.keys.checkpoints(), 0, -1);
		return (notes != null) ? notes : List.of();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.checkpointedSize = latestCheckpoint()
			.map((note) -> Checkpoint.open(note, this.signer.verifierKey()).size())
			.orElse(0L);
		this.checkpointedAt = this.clock.instant();
		this.running = true;
		this.thread = new Thread(this::run, "audit-ledger " + this.keys.prefix());
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
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, this.properties.consumerGroup(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = kafka;
			TopicPartition partition = awaitTopic(kafka);
			if (partition == null) {
				return;
			}
			kafka.assign(List.of(partition));
			kafka.seek(partition, this.store.nextOffset());
			log.info("Audit ledger {} resumes at seq {} from offset {} of {}", this.ledger.origin(), this.store.size(),
					this.store.nextOffset(), partition);
			boolean resync = false;
			while (this.running) {
				try {
					rebuildIfLost(kafka, partition);
					if (resync) {
						kafka.seek(partition, this.store.nextOffset());
						resync = false;
					}
				}
				catch (DataAccessException ex) {
					log.warn("Audit ledger {}: Redis is unreachable ({}); trying again", this.ledger.origin(),
							ex.getMessage());
					pause();
					continue;
				}
				try {
					ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
					for (ConsumerRecord<byte[], byte[]> record : records) {
						append(record);
					}
					if (!records.isEmpty()) {
						// For the lag that monitoring shows only: a restart resumes
						// from Redis.
						kafka.commitAsync(Map.of(partition, new OffsetAndMetadata(this.store.nextOffset())), null);
					}
					maybeCheckpoint();
				}
				catch (DataAccessException ex) {
					// Redis went away under an append or a checkpoint (restarted, or
					// wiped and refused the append): what was polled but not appended is
					// read again from where Redis says the ledger stands, which the next
					// turn also checks for a loss.
					resync = true;
				}
				catch (RuntimeException ex) {
					// The tree's nodes vanished under a checkpoint: the next turn
					// rebuilds it. Anything else stops the ledger, below.
					if (!lostOrUnreachable()) {
						throw ex;
					}
					resync = true;
				}
			}
		}
		catch (WakeupException ex) {
			// stop() woke the consumer.
		}
		catch (RuntimeException ex) {
			log.error("The audit ledger {} stopped: entries are no longer sequenced until it is restarted",
					this.ledger.origin(), ex);
			this.running = false;
		}
		finally {
			this.consumer = null;
		}
	}

	/**
	 * Starts again from the topic's first record if Redis lost the ledger while it ran:
	 * the entries are in Kafka, so the rebuilt ledger has the same entries, sizes and
	 * roots, and a checkpoint signed before the loss is consistent with the ones after.
	 */
	private void rebuildIfLost(KafkaConsumer<byte[], byte[]> kafka, TopicPartition partition) {
		synchronized (this.ledger) {
			if (!this.store.lost()) {
				return;
			}
			log.warn("Audit ledger {}: Redis no longer holds its {} entries; rebuilding from offset 0 of {}",
					this.ledger.origin(), this.store.size(), partition);
			this.store.reset();
			kafka.seek(partition, this.store.nextOffset());
		}
		this.checkpointedSize = latestCheckpoint()
			.map((note) -> Checkpoint.open(note, this.signer.verifierKey()).size())
			.orElse(0L);
	}

	private boolean lostOrUnreachable() {
		try {
			return this.store.lost();
		}
		catch (DataAccessException ex) {
			return true;
		}
	}

	private void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/** The topic's only partition, once the topic exists; null if stopped first. */
	private TopicPartition awaitTopic(KafkaConsumer<byte[], byte[]> kafka) {
		while (this.running) {
			List<PartitionInfo> partitions = kafka.partitionsFor(Topics.AUDIT);
			if (partitions != null && partitions.size() == 1) {
				return new TopicPartition(Topics.AUDIT, partitions.get(0).partition());
			}
			if (partitions != null && partitions.size() > 1) {
				throw new IllegalStateException(Topics.AUDIT + " has " + partitions.size()
						+ " partitions; the ledger needs one, so that a rebuild reads the entries in the same order");
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	private void append(ConsumerRecord<byte[], byte[]> record) {
		if (record.offset() < this.store.nextOffset()) {
			return; // already in the ledger
		}
		AuditEntry entry;
		byte[] canonical;
		try {
			entry = WireJson.read(record.value(), AuditEntry.class);
			canonical = CanonicalJson.canonicalize(entry);
		}
		catch (RuntimeException ex) {
			// Skipping it would leave a hole nobody could see; numbering it would put
			// something that is not an audit entry in the signed log. An operator
			// decides.
			throw new IllegalStateException(
					"The record at offset " + record.offset() + " of " + Topics.AUDIT + " is not an audit entry", ex);
		}
		synchronized (this.ledger) {
			if (entry.id() != null) {
				Long earlier = this.store.seqOf(entry.id());
				if (earlier != null) {
					// The same fact written again (a replay of the events, a retry): the
					// log keeps the first, and a rebuild, reading the topic in the same
					// order, keeps the same one.
					if (!Arrays.equals(canonical, this.store.entry(earlier))) {
						log.warn("Entry {} at offset {} differs from seq {} of the same id; the ledger keeps seq {}",
								entry.id(), record.offset(), earlier, earlier);
					}
					this.store.skip(record.offset() + 1);
					this.skipped++;
					return;
				}
			}
			String parties = (entry.parties() != null && !entry.parties().isEmpty())
					? entry.parties().stream().map(CountryCode::value).collect(Collectors.joining(",")) : null;
			this.store.stage(canonical, record.offset() + 1, entry.id(),
					entry.object().equals("-") ? null : entry.object(), parties);
			this.ledger.append(canonical);
		}
	}

	/** How many records this service passed over as duplicates of an entry's id. */
	public long skipped() {
		return this.skipped;
	}

	/** The sequence number of the entry with this id, if the ledger holds one. */
	public Optional<Long> seqOf(String id) {
		synchronized (this.ledger) {
			return Optional.ofNullable(this.store.seqOf(id));
		}
	}

	/** The Parties indexed for each object (null where none), in one round trip. */
	public List<String> parties(List<String> objects) {
		return this.store.parties(objects);
	}

	private void maybeCheckpoint() {
		long size = this.ledger.size();
		if (size == this.checkpointedSize) {
			return;
		}
		Instant now = this.clock.instant();
		boolean enough = size - this.checkpointedSize >= this.properties.checkpointEvery();
		boolean due = !now.isBefore(this.checkpointedAt.plus(this.properties.checkpointInterval()));
		if (enough || due) {
			checkpoint(now);
		}
	}

	private void checkpoint(Instant now) {
		String note;
		long size;
		synchronized (this.ledger) {
			size = this.ledger.size();
			note = this.ledger.signCheckpoint(this.signer);
		}
		this.redis.execute(new SessionCallback<List<Object>>() {

			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations operations) throws DataAccessException {
				operations.multi();
				operations.opsForValue().set(AuditLedgerService.this.keys.checkpoint(), note);
				operations.opsForList().rightPush(AuditLedgerService.this.keys.checkpoints(), note);
				return operations.exec();
			}

		});
		this.checkpointedSize = size;
		this.checkpointedAt = now;
	}

}
