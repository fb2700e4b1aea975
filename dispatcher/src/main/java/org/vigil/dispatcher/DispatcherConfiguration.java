package org.vigil.dispatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.vigil.directory.lifecycle.PhasedLifecycle;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.replica.DirectoryReplicaConfiguration;
import org.vigil.dispatcher.stream.DispatcherTopology;
import org.vigil.dispatcher.stream.LadderMetrics;

/**
 * The dispatcher: its Kafka Streams application, started after the directory replica has
 * caught up, and its health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatcherProperties.class)
@Import(DirectoryReplicaConfiguration.class)
public class DispatcherConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DispatcherConfiguration.class);

	@Bean
	KafkaStreams dispatcherStreams(KafkaProperties kafka, DispatcherProperties properties, Clock clock,
			DirectoryReplica directory, ObjectProvider<MeterRegistry> registry) {
		Properties config = new Properties();
		config.putAll(kafka.buildStreamsProperties());
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
		// The stream thread punctuates between polls; an idle poll must not outlast a
		// tick.
		config.put(StreamsConfig.POLL_MS_CONFIG, properties.tick().toMillis());
		config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(properties));
		// Events should reach officers as soon as the transaction commits, not after a
		// batch fills.
		config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		// Kafka's default of 45 s would leave a dead instance's ladders unattended that
		// long.
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
				(int) properties.sessionTimeout().toMillis());
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
				(int) Math.max(500, properties.sessionTimeout().toMillis() / 4));
		// A successor cannot resume a dead instance's partitions before the broker aborts
		// the transaction it left open, which happens only once that transaction times
		// out: keep it no longer than the session timeout (Streams' default is 10 s). A
		// transaction normally lives one commit interval (10 ms).
		config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
				(int) properties.sessionTimeout().toMillis());
		KafkaStreams streams = new KafkaStreams(
				DispatcherTopology.build(clock, directory, Optional.ofNullable(properties.deadlineOverride()),
						properties.tick(), new LadderMetrics(registry.getIfAvailable(SimpleMeterRegistry::new))),
				config);
		streams.setUncaughtExceptionHandler((ex) -> {
			// The transaction of the failed batch is aborted; a new thread reads it
			// again.
			log.error("Dispatcher stream thread failed; replacing it", ex);
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		});
		return streams;
	}

	private static String stateDir(DispatcherProperties properties) {
		try {
			return (properties.stateDir() != null) ? properties.stateDir().toString()
					: Files.createTempDirectory("vigil-dispatcher-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Bean
	SmartLifecycle dispatcherStreamsLifecycle(KafkaStreams streams) {
		// After the directory replica: no ladder may be routed against an empty
		// directory.
		return new PhasedLifecycle(DirectoryReplicaConfiguration.PHASE + 100, streams::start,
				() -> streams.close(Duration.ofSeconds(30)));
	}

	@Bean
	HealthIndicator dispatcherHealthIndicator(KafkaStreams streams) {
		return () -> {
			KafkaStreams.State state = streams.state();
			Health.Builder health = switch (state) {
				case RUNNING, REBALANCING -> Health.up();
				case CREATED -> Health.outOfService();
				default -> Health.down();
			};
			return health.withDetail("streams", state.name()).build();
		};
	}

}
