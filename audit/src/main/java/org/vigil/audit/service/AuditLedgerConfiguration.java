package org.vigil.audit.service;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.audit.events.EventAuditor;

/**
 * The audit ledger service: the consumer that sequences {@code vigil.audit} into the
 * ledger, the copier of the dispatcher's events into the audit log, and the HTTP API.
 * Needs a {@link Clock}, Kafka and Redis.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@Import(AuditController.class)
public class AuditLedgerConfiguration {

	@Bean
	AuditLedgerService auditLedger(AuditProperties properties, KafkaProperties kafka, StringRedisTemplate redis,
			Clock clock) {
		return new AuditLedgerService(properties, String.join(",", kafka.getBootstrapServers()), redis,
				LogKeyDirectory.load(properties.keyDir()), clock);
	}

	/** The dispatcher's facts, copied from {@code vigil.events} into the audit log. */
	@Bean
	@ConditionalOnProperty(name = "vigil.audit.events", havingValue = "true", matchIfMissing = true)
	EventAuditor eventAuditor(AuditProperties properties, KafkaProperties kafka) {
		return new EventAuditor(String.join(",", kafka.getBootstrapServers()), properties.eventsConsumerGroup());
	}

}
