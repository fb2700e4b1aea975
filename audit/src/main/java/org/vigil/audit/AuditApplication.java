package org.vigil.audit;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.vigil.audit.service.AuditLedgerConfiguration;
import org.vigil.audit.service.AuditLedgerService;

/**
 * Runs the audit ledger on its own: it sequences {@code vigil.audit} into the ledger in
 * Redis and signs checkpoints. Alone it has no logins, so of its HTTP API only the public
 * log key answers; the rest refuses (403) everyone. Auditors read the log through a
 * network where the gateway's logins reach the ledger (the standalone today).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AuditLedgerConfiguration.class)
public class AuditApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Down once the ledger's consumer stopped on an error (it says why in the log). */
	@Bean
	HealthIndicator auditLedgerHealthIndicator(AuditLedgerService ledger) {
		return () -> (ledger.isRunning() ? Health.up() : Health.down()).withDetail("size", ledger.ledger().size())
			.build();
	}

	public static void main(String[] args) {
		SpringApplication.run(AuditApplication.class, args);
	}

}
