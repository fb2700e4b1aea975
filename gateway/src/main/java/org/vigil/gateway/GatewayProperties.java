package org.vigil.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway ({@code vigil.gateway.*}).
 *
 * @param demoPassword for the demo network only: the password of every person in the
 * directory. Empty means nobody can log in with a password
 * @param publishTimeout how long a submission waits for Kafka to confirm it before the
 * sender is told it was not accepted
 * @param consumerGroup the consumer group of the read model, shared by all gateway
 * instances
 */
@ConfigurationProperties("vigil.gateway")
public record GatewayProperties(String demoPassword, Duration publishTimeout, String consumerGroup) {

	public GatewayProperties {
		publishTimeout = (publishTimeout != null) ? publishTimeout : Duration.ofSeconds(10);
		consumerGroup = (consumerGroup != null) ? consumerGroup : "vigil-gateway";
	}

}
