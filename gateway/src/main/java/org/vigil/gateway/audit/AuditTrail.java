package org.vigil.gateway.audit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;

/**
 * Writes audit entries to {@link Topics#AUDIT} and waits for the broker to have them. A
 * write that fails is logged as an error with the whole entry, so that an operator can
 * restore it; it does not change the answer the person or system gets.
 */
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final KafkaTemplate<String, byte[]> kafka;

	public AuditTrail(KafkaTemplate<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	public void record(AuditEntry entry) {
		try {
			this.kafka.send(Topics.AUDIT, entry.object(), WireJson.write(entry))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.error("Audit entry not written (interrupted): {}", entry);
		}
		catch (Exception ex) {
			log.error("Audit entry not written: {}", entry, ex);
		}
	}

}
