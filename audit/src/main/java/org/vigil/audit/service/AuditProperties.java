package org.vigil.audit.service;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's settings ({@code vigil.audit.*}).
 *
 * @param keyDir the directory of the log key, {@code log.key} and {@code log.pub} as
 * {@code vigil audit keygen} writes them
 * @param origin the log's name, the origin line of its checkpoints; empty to take the
 * key's name, otherwise it must equal it
 * @param checkpointEvery sign a checkpoint once this many entries have come since the
 * last one
 * @param checkpointInterval or once this long has passed with new entries
 * @param consumerGroup the Kafka group the ledger's consumer names (for lag monitoring
 * only: the offset that counts is the one in Redis)
 * @param keyPrefix the prefix of the ledger's Redis keys
 * @param events whether this service also copies the dispatcher's events
 * ({@code vigil.events}) into the audit log; one such copier per network is enough, more
 * only write duplicates that the ledger skips
 * @param eventsConsumerGroup the Kafka group of that copier: its committed offsets say
 * how far the events were audited
 */
@ConfigurationProperties("vigil.audit")
public record AuditProperties(Path keyDir, @DefaultValue("") String origin, @DefaultValue("100") int checkpointEvery,
		@DefaultValue("10s") Duration checkpointInterval, @DefaultValue("vigil-audit-ledger") String consumerGroup,
		@DefaultValue(AuditKeys.DEFAULT_PREFIX) String keyPrefix, @DefaultValue("true") boolean events,
		@DefaultValue("vigil-audit-events") String eventsConsumerGroup) {

	public AuditProperties {
		if (keyDir == null) {
			throw new IllegalArgumentException("vigil.audit.key-dir must name the log key's directory");
		}
		if (checkpointEvery < 1) {
			throw new IllegalArgumentException("vigil.audit.checkpoint-every must be at least 1");
		}
		if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
			throw new IllegalArgumentException("vigil.audit.checkpoint-interval must be positive");
		}
	}

}
