package org.vigil.directory.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.vigil.directory.lifecycle.PhasedLifecycle;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.replica.DirectoryReplicaConfiguration;
import org.vigil.directory.seed.SeedDirectory;

/**
 * The directory service: its replica of the topic, and the seed it publishes on start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
@Import(DirectoryReplicaConfiguration.class)
public class DirectoryServiceConfiguration {

	@Bean
	SmartLifecycle directorySeedPublisher(KafkaProperties kafka, DirectoryReplica replica,
			DirectoryProperties properties) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-directory-publisher");
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config,
				new StringSerializer(), new ByteArraySerializer());
		DirectoryPublisher publisher = new DirectoryPublisher(new KafkaTemplate<>(producers), replica);
		// Right after the replica has caught up, before anyone routes a request.
		return new PhasedLifecycle(DirectoryReplicaConfiguration.PHASE + 1, () -> {
			if (properties.publishSeed()) {
				publisher.publishMissing(seed(properties));
			}
		}, producers::destroy);
	}

	private static SeedDirectory seed(DirectoryProperties properties) {
		if (properties.seed() == null) {
			return SeedDirectory.demo();
		}
		try (InputStream in = Files.newInputStream(properties.seed())) {
			return SeedDirectory.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the seed directory " + properties.seed(), ex);
		}
	}

}
