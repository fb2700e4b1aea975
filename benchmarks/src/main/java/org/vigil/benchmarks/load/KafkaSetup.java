package org.vigil.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigil.protocol.Topics;

/** What the load tools share: topics, producers, the heap. */
final class KafkaSetup {

	private KafkaSetup() {
	}

	/**
	 * The given scratch topics, and Vigil's topics as the network declares them if
	 * {@code withVigilTopics}.
	 */
	static void createTopics(String bootstrapServers, Collection<String> scratch, boolean withVigilTopics)
			throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			List<NewTopic> topics = new java.util.ArrayList<>(Topics.all()
				.stream()
				.filter((topic) -> withVigilTopics)
				.map((topic) -> new NewTopic(topic.name(), Optional.empty(), Optional.empty()).configs(topic.config()))
				.toList());
			scratch.forEach((name) -> topics.add(new NewTopic(name, Optional.empty(), Optional.empty())));
			admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
		}
	}

	/** acks=all, as every Vigil producer; {@code lingerMs} as given. */
	static KafkaProducer<String, byte[]> producer(String bootstrapServers, int lingerMs) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/** Heap in use after a full collection, in MiB. */
	static long heapAfterGcMiB() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

}
