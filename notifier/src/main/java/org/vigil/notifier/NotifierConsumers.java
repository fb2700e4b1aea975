package org.vigil.notifier;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The settings every Kafka consumer group of the notifier shares. */
public final class NotifierConsumers {

	private NotifierConsumers() {
	}

	/**
	 * Committed records only, offsets committed by hand, from the beginning for a new
	 * group; a dead instance's partitions go to another after {@code sessionTimeout}
	 * (Kafka's default of 45 s would leave its alerts unplanned that long).
	 */
	public static Map<String, Object> config(String bootstrapServers, String group, int maxPollRecords,
			Duration sessionTimeout) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, group,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
				maxPollRecords, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis(),
				ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
	}

}
