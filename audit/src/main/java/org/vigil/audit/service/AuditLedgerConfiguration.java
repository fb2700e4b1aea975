package org.vigil.audit.service;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The audit ledger service: the consumer that sequences {@code vigil.audit} into the
 * ledger, and its HTTP API. Needs a {@link Clock}, Kafka and Redis.
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

}
