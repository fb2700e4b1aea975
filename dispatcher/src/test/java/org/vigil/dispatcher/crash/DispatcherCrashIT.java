package org.vigil.dispatcher.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills a dispatcher with SIGKILL — a separate JVM, so nothing of it gets to shut down —
 * and shows that a second one takes over with nothing lost: the deadline that fell due
 * while no dispatcher ran fires, on its planned time, exactly once, and a request
 * accepted meanwhile is routed. Runs on a real Kafka broker; the dispatchers use the real
 * clock with a 3-second deadline.
 */
class DispatcherCrashIT {

	private static final Duration DEADLINE = Duration.ofSeconds(3);

	/**
	 * Session timeout, transaction timeout and restore, with room to spare on a slow
	 * machine.
	 */
	private static final Duration TAKE_OVER_WITHIN = Duration.ofSeconds(90);

	/**
	 * Startup of a Spring Boot JVM and its first rebalance. 60 s was not enough once in
	 * 20 runs, on two cores with a load average over 40: the dispatcher took 49 s to
	 * start.
	 */
	private static final Duration START_WITHIN = Duration.ofSeconds(120);

	@TempDir
	static Path data;

	private static CrashNetwork network;

	@BeforeAll
	static void startKafkaWithTheDemoDirectory() throws Exception {
		network = CrashNetwork.start(data);
	}

	@AfterAll
	static void stopKafka() {
		network.close();
	}

	@AfterEach
	void killDispatchers() {
		network.killDispatchers();
	}

	@Test
	void aDeadlineThatFallsDueWhileTheDispatcherIsDeadFiresOnceAnotherTakesOver() throws Exception {
		Process first = startDispatcher("first");
		RequestId beforeCrash = submit("FR", "DE");
		OfficersAlerted firstStep = awaitAlert(beforeCrash, 1, START_WITHIN);

		first.destroyForcibly().waitFor();
		RequestId whileDead = submit("US", "JP");
		startDispatcher("second");

		OfficersAlerted secondStep = awaitAlert(beforeCrash, 2, TAKE_OVER_WITHIN);
		assertThat(secondStep.deadline()).as("planned from the missed deadline")
			.isEqualTo(firstStep.deadline().plus(DEADLINE));
		awaitAlert(whileDead, 1, TAKE_OVER_WITHIN);

		List<RequestEvent> history = events(beforeCrash);
		assertThat(history).extracting(RequestEvent::sequence)
			.as("one history, without gaps or duplicates")
			.containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
		assertThat(history).filteredOn(OfficersAlerted.class::isInstance)
			.extracting((event) -> ((OfficersAlerted) event).step())
			.as("no step paged twice")
			.doesNotHaveDuplicates();
	}

	private Process startDispatcher(String name) throws Exception {
		return network.startDispatcher(name, "dispatcher-" + name, DEADLINE);
	}

	private static RequestId submit(String from, String to) throws Exception {
		RequestId id = RequestId.random();
		Instant now = Instant.now();
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(id, CountryCode.of(from), CountryCode.of(to), Urgency.URGENT, now,
						"Cybercrime unit", "Ransomware", "Facts", "Logs", "Used in the attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of(from.toLowerCase() + ".requester"),
				now);
		try (KafkaProducer<String, byte[]> producer = network.producer()) {
			producer.send(new ProducerRecord<>(Topics.REQUESTS, id.value(), WireJson.write((DispatchCommand) submit)))
				.get(10, TimeUnit.SECONDS);
		}
		return id;
	}

	private static OfficersAlerted awaitAlert(RequestId id, int step, Duration within) {
		return await().atMost(within)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> events(id).stream()
				.filter(OfficersAlerted.class::isInstance)
				.map(OfficersAlerted.class::cast)
				.filter((alert) -> alert.step() == step)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** Every committed event of one request, read from the beginning of the topic. */
	private static List<RequestEvent> events(RequestId id) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, network.bootstrapServers());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<RequestEvent> events = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (id.value().equals(record.key())) {
						events.add(WireJson.read(record.value(), RequestEvent.class));
					}
				});
			}
		}
		return events;
	}

}
