package org.vigil.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The gateway's meters, registered with the application's registry (Prometheus under
 * {@code /actuator/prometheus} when the actuator exposes it), or a private one when there
 * is none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

	@Bean
	GatewayMetrics gatewayMetrics(ObjectProvider<MeterRegistry> registry) {
		return new GatewayMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	OpenRequests openRequests(StringRedisTemplate redis) {
		return new OpenRequests(redis);
	}

	@Bean
	ConsumerLag consumerLag(KafkaProperties kafka, MetricsProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		return new ConsumerLag(Admin.create(kafka.buildAdminProperties()), properties.consumerGroups(),
				properties.lagInterval(), registry.getIfAvailable(SimpleMeterRegistry::new));
	}

}
