package org.vigil.embedded.kafka;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path tempDir;

	private Path dataDir;

	private KafkaBroker broker;

	@BeforeEach
	void startBroker() {
		this.dataDir = this.tempDir.resolve("kafka");
		this.broker = KafkaBroker.start(this.dataDir, 0);
	}

	@AfterEach
	void stopBroker() {
		this.broker.close();
	}

	@Test
	void idempotentAcksAllProducerWritesWhatAConsumerGroupReadsBack() throws Exception {
		createTopic("orders", Optional.empty());
		assertThat(describeTopic("orders").partitions()).as("num.partitions default").hasSize(3);

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
			producer.send(new ProducerRecord<>("orders", "k", "first")).get(30, TimeUnit.SECONDS);
		}

		Map<String, Object> groupConfig = consumerConfig("read_uncommitted");
		groupConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "orders-reader");
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(groupConfig)) {
			consumer.subscribe(List.of("orders"));
			await().atMost(WAIT).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> seen.add(record.value()));
				assertThat(seen).containsExactly("first");
			});
		}
	}

	@Test
	void readCommittedConsumerSeesCommittedButNotAbortedTransactions() throws Exception {
		createTopic("commands", Optional.of(1));
		Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "commands-writer");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(transactional))) {
			producer.initTransactions();
			producer.beginTransaction();
			// Wait for the write: on abort the producer drops batches not yet sent.
			producer.send(new ProducerRecord<>("commands", "k", "aborted")).get(30, TimeUnit.SECONDS);
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("commands", "k", "committed"));
			producer.commitTransaction();
		}

		// Both records sit in the log in this order, so seeing "committed" means
		// "aborted" was already passed over.
		assertThat(readUntil("commands", "read_committed", "committed")).containsExactly("committed");
		assertThat(readUntil("commands", "read_uncommitted", "committed")).containsExactly("aborted", "committed");
	}

	@Test
	void kafkaStreamsRunsWithExactlyOnceV2() {
		createTopic("lower", Optional.empty());
		createTopic("upper", Optional.empty());
		StreamsBuilder builder = new StreamsBuilder();
		builder.<String, String>stream("lower").mapValues((value) -> value.toUpperCase()).to("upper");
		Properties streamsConfig = new Properties();
		streamsConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "upper-caser");
		streamsConfig.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
		streamsConfig.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		streamsConfig.put(StreamsConfig.STATE_DIR_CONFIG, this.tempDir.resolve("streams").toString());
		streamsConfig.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
		streamsConfig.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);

		try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig)) {
			streams.start();
			produce("lower", "hello");

			assertThat(readUntil("upper", "read_committed", "HELLO")).containsExactly("HELLO");
			streams.close(Duration.ofSeconds(30));
		}
	}

	@Test
	void restartKeepsRecordsAndAddress() {
		createTopic("evidence", Optional.empty());
		produce("evidence", "before restart");
		String address = this.broker.bootstrapServers();

		this.broker.restart();

		assertThat(this.broker.bootstrapServers()).isEqualTo(address);
		produce("evidence", "after restart");
		assertThat(readUntil("evidence", "read_committed", "after restart")).containsExactlyInAnyOrder("before restart",
				"after restart");
	}

	@Test
	void startOnAFormattedDataDirReusesItsClusterAndRecords() throws Exception {
		createTopic("cases", Optional.empty());
		produce("cases", "kept");
		String clusterId = clusterId();
		int port = port(this.broker);

		this.broker.close();
		assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
		this.broker = KafkaBroker.start(this.dataDir, 0);

		assertThat(clusterId()).isEqualTo(clusterId);
		assertThat(readUntil("cases", "read_committed", "kept")).containsExactly("kept");
	}

	private void createTopic(String name, Optional<Integer> partitions) {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(name, partitions, Optional.empty())))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("Could not create topic " + name, ex);
		}
	}

	private TopicDescription describeTopic(String name) throws Exception {
		try (Admin admin = admin()) {
			return admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name);
		}
	}

	private String clusterId() throws Exception {
		try (Admin admin = admin()) {
			return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers()));
	}

	private void produce(String topic, String value) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
			producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("Could not produce to " + topic, ex);
		}
	}

	/**
	 * Reads every partition of the topic from the beginning, without a consumer group,
	 * until {@code last} has been seen, and returns all values read.
	 */
	private List<String> readUntil(String topic, String isolationLevel, String last) {
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(isolationLevel))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(WAIT).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					seen.add(record.value());
				}
				return seen.contains(last);
			});
		}
		return seen;
	}

	private Map<String, Object> producerConfig(Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(extra);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return config;
	}

	private Map<String, Object> consumerConfig(String isolationLevel) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return config;
	}

	private static int port(KafkaBroker broker) {
		String address = broker.bootstrapServers();
		return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

}
