package org.vigil.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.dispatcher.stream.DispatcherTopology;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

/**
 * Deadline lateness of the dispatcher (fired − planned) with N pending deadlines.
 *
 * <p>
 * Starts an embedded KRaft broker and the dispatcher's Kafka Streams topology with the
 * settings of {@code DispatcherConfiguration} (exactly-once v2, linger 0, poll = tick)
 * and the real UTC clock. The first deadline of a ladder is planned from the submission's
 * {@code acceptedAt}, so back-dating {@code acceptedAt} plans a deadline at any instant
 * without touching the clock: lateness is real time. It then
 * <ol>
 * <li>preloads {@code pending − measured} ladders whose deadlines fall due after the run
 * (the background), and waits until the dispatcher has routed them all;</li>
 * <li>submits {@code measured = rate × seconds} ladders whose deadlines fall due at
 * {@code rate} per second during the measurement window;</li>
 * <li>reads {@code StepEscalated} events (read_committed) and records
 * {@code at − missedDeadline} (when the dispatcher fired) and receive time −
 * {@code missedDeadline} (when a reader saw it, after the transaction committed).</li>
 * </ol>
 * A fired ladder gets its next step's deadline a step later, so the number of pending
 * deadlines stays N throughout. Every step gives {@code --step-ms} to acknowledge (1 h by
 * default, URGENT's default), passed as the dispatcher's deadline override.
 */
public final class DeadlineLateness {

	private static final String FROM = "FR";

	private static final String TO = "DE";

	private DeadlineLateness() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		int pending = options.integer("pending", 10_000);
		int rate = options.integer("rate", 100);
		int seconds = options.integer("seconds", 60);
		Duration tick = options.millis("tick-ms", 50);
		Duration commitInterval = options.millis("commit-interval-ms", 10);
		Duration step = options.millis("step-ms", Duration.ofHours(1).toMillis());
		Duration lead = options.millis("lead-ms", 20_000);
		int measured = Math.min(pending, rate * seconds);
		int background = pending - measured;
		System.out.printf(
				"pending=%d (background %d, measured %d), %d deadlines/s for %d s, tick %d ms, "
						+ "commit interval %d ms, Runtime.maxMemory %d MiB%n",
				pending, background, measured, rate, seconds, tick.toMillis(), commitInterval.toMillis(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		System.out.println("load average at start: " + Percentiles.loadAverage());

		Path dir = Files.createTempDirectory("vigil-lateness-");
		try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0)) {
			String bootstrap = kafka.bootstrapServers();
			KafkaSetup.createTopics(bootstrap, List.of(), true);
			long heapBefore = KafkaSetup.heapAfterGcMiB();
			String applicationId = "vigil-dispatcher-lateness";
			KafkaStreams streams = new KafkaStreams(
					DispatcherTopology.build(Clock.systemUTC(), new SeedDirectoryView(SeedDirectory.demo()),
							Optional.of(step), tick),
					streamsConfig(bootstrap, applicationId, tick, commitInterval, dir.resolve("state")));
			streams.start();
			try (KafkaProducer<String, byte[]> producer = KafkaSetup.producer(bootstrap, 20);
					Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
				long preloadStart = System.nanoTime();
				Instant now = Instant.now();
				for (int i = 0; i < background; i++) {
					// Due between 30 and 60 minutes from now (with a 1 h step): after the
					// run.
					long back = ThreadLocalRandom.current().nextLong(step.toMillis() / 2);
					submit(producer, now.minusMillis(back));
				}
				producer.flush();
				awaitRouted(admin, applicationId, Duration.ofMinutes(15));
				double preloadSeconds = (System.nanoTime() - preloadStart) / 1e9;
				long heapLoaded = KafkaSetup.heapAfterGcMiB();
				System.out.printf(
						"background of %d routed in %.1f s; heap after GC: %d MiB before the "
								+ "dispatcher, %d MiB with the background loaded; load average %s%n",
						background, preloadSeconds, heapBefore, heapLoaded, Percentiles.loadAverage());

				Set<String> measuredIds = new HashSet<>();
				Instant windowStart = Instant.now().plus(lead);
				try (KafkaConsumer<String, byte[]> events = eventsAtEnd(bootstrap)) {
					for (int i = 0; i < measured; i++) {
						Instant due = windowStart.plusNanos(i * 1_000_000_000L / rate);
						measuredIds.add(submit(producer, due.minus(step)).value());
					}
					producer.flush();
					awaitRouted(admin, applicationId, Duration.ofMinutes(5));
					Instant loaded = Instant.now();
					System.out.printf("measured ladders routed %d ms %s the first of their deadlines%n",
							Math.abs(Duration.between(loaded, windowStart).toMillis()),
							loaded.isBefore(windowStart) ? "before" : "AFTER (the first figures are not steady)");
					Percentiles fired = new Percentiles("fired − planned (event's at)");
					Percentiles seen = new Percentiles("seen by a read_committed reader − planned");
					Percentiles firedSteady = new Percentiles("fired − planned, after the first 10 s");
					Instant warm = windowStart.plusSeconds(10);
					Instant giveUp = windowStart.plusSeconds(seconds + 60);
					while (fired.count() < measured && Instant.now().isBefore(giveUp)) {
						for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(100))) {
							Instant received = Instant.now();
							if (!measuredIds.contains(record.key())) {
								continue;
							}
							if (WireJson.read(record.value(), RequestEvent.class) instanceof StepEscalated escalated) {
								long firedMicros = micros(escalated.missedDeadline(), escalated.at());
								fired.recordMicros(firedMicros);
								seen.recordMicros(micros(escalated.missedDeadline(), received));
								if (escalated.missedDeadline().isAfter(warm)) {
									firedSteady.recordMicros(firedMicros);
								}
							}
						}
					}
					System.out.println("load average at the end: " + Percentiles.loadAverage());
					System.out.printf("heap after GC at the end: %d MiB%n", KafkaSetup.heapAfterGcMiB());
					System.out.println(fired.summary());
					System.out.println(firedSteady.summary());
					System.out.println(seen.summary());
					if (fired.count() < measured) {
						System.out.printf("ONLY %d of %d deadlines fired within the window + 60 s%n", fired.count(),
								measured);
					}
				}
			}
			finally {
				streams.close(Duration.ofSeconds(30));
			}
		}
	}

	/** The settings of DispatcherConfiguration, with a fixed application id. */
	private static Properties streamsConfig(String bootstrap, String applicationId, Duration tick,
			Duration commitInterval, Path stateDir) {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
		config.put(StreamsConfig.POLL_MS_CONFIG, tick.toMillis());
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		return config;
	}

	private static RequestId submit(KafkaProducer<String, byte[]> producer, Instant acceptedAt) {
		RequestId id = RequestId.random();
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(id, CountryCode.of(FROM), CountryCode.of(TO), Urgency.URGENT, acceptedAt,
						"Cybercrime unit", "Ransomware", "Facts", "Logs", "Used in the attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of("fr.requester"), acceptedAt);
		producer.send(new ProducerRecord<>(Topics.REQUESTS, id.value(), WireJson.write((DispatchCommand) submit)));
		return id;
	}

	/** Until the dispatcher has committed every command written so far. */
	private static void awaitRouted(Admin admin, String applicationId, Duration within) throws Exception {
		Instant giveUp = Instant.now().plus(within);
		Set<TopicPartition> partitions = admin.describeTopics(List.of(Topics.REQUESTS))
			.allTopicNames()
			.get()
			.get(Topics.REQUESTS)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(Topics.REQUESTS, info.partition()))
			.collect(Collectors.toSet());
		Map<TopicPartition, Long> end = admin
			.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
		while (Instant.now().isBefore(giveUp)) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			boolean done = end.entrySet()
				.stream()
				.allMatch((e) -> e.getValue() == 0
						|| (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
			if (done) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The dispatcher did not route the preload within " + within);
	}

	private static KafkaConsumer<String, byte[]> eventsAtEnd(String bootstrap) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	private static long micros(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1000;
	}

}
