package org.vigil.directory.replica;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.vigil.directory.kafka.TopicConfiguration;
import org.vigil.directory.lifecycle.PhasedLifecycle;

/**
 * Gives a service its {@link DirectoryView}: a {@link DirectoryReplica} that starts early
 * and holds up the start of everything after it until it has read the whole directory, so
 * that no request is routed against a half-loaded directory.
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicConfiguration.class)
public class DirectoryReplicaConfiguration {

	/** Starts before the dispatcher, listeners and web server. */
	public static final int PHASE = -1000;

	private static final Duration CATCH_UP = Duration.ofSeconds(60);

	@Bean
	DirectoryReplica directoryReplica(KafkaProperties kafka) {
		return new DirectoryReplica(kafka.buildConsumerProperties());
	}

	@Bean
	SmartLifecycle directoryReplicaLifecycle(DirectoryReplica replica) {
		return new PhasedLifecycle(PHASE, () -> {
			replica.start();
			try {
				if (!replica.awaitCaughtUp(CATCH_UP)) {
					throw new IllegalStateException(
							"The directory replica did not catch up within " + CATCH_UP + "; is Kafka reachable?");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while loading the directory", ex);
			}
		}, replica::close);
	}

	@Bean
	HealthIndicator directoryHealthIndicator(DirectoryReplica replica) {
		return () -> {
			int contactPoints = replica.contactPoints().size();
			Health.Builder health = (replica.network().isPresent() && contactPoints > 0) ? Health.up()
					: Health.outOfService();
			return health.withDetail("contactPoints", contactPoints).build();
		};
	}

}
