package org.vigil.gateway.metrics;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway's operational meters ({@code vigil.metrics.*}).
 *
 * @param consumerGroups the Kafka consumer groups whose lag the gateway reports as
 * {@code vigil.consumer.lag}: by default the gateway's read model, the dispatchers' Kafka
 * Streams application and the audit ledger
 * @param lagInterval how often the lag is measured (one Kafka admin round trip per group)
 */
@ConfigurationProperties("vigil.metrics")
public record MetricsProperties(List<String> consumerGroups, Duration lagInterval) {

	public MetricsProperties {
		consumerGroups = (consumerGroups != null) ? List.copyOf(consumerGroups)
				: List.of("vigil-gateway", "vigil-dispatcher", "vigil-audit-ledger");
		lagInterval = (lagInterval != null) ? lagInterval : Duration.ofSeconds(15);
		if (lagInterval.isNegative() || lagInterval.isZero()) {
			throw new IllegalArgumentException("vigil.metrics.lag-interval must be positive");
		}
	}

}
