package org.vigil.dispatcher;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dispatcher ({@code vigil.dispatcher.*}).
 *
 * @param applicationId the Kafka Streams application id, shared by all dispatcher
 * instances of one network
 * @param tick how often due deadlines are looked for; bounds how late a deadline fires
 * @param commitInterval how often the exactly-once transaction commits; bounds how long
 * an event waits before readers see it
 * @param standbyReplicas warm copies of each task's stores on other instances, for fast
 * fail-over
 * @param stateDir where Kafka Streams keeps its local files; empty for a fresh temporary
 * folder
 * @param sessionTimeout how long the group waits for a dispatcher that stopped answering
 * before its partitions move to another instance, and how long a dead instance's open
 * transaction lives before the broker aborts it; together they make the fail-over bound
 * (docs/architecture.md)
 * @param deadlineOverride for demos only: replaces every time to acknowledge, so a ladder
 * climbs in seconds; empty in production
 */
@ConfigurationProperties("vigil.dispatcher")
public record DispatcherProperties(String applicationId, Duration tick, Duration commitInterval,
		Integer standbyReplicas, Path stateDir, Duration sessionTimeout, Duration deadlineOverride) {

	public DispatcherProperties {
		applicationId = (applicationId != null) ? applicationId : "vigil-dispatcher";
		tick = (tick != null) ? tick : Duration.ofMillis(50);
		// An alert is seen only once its transaction commits, so this is latency on
		// every alert. 10 ms costs the broker more transactions (about a third more
		// broker CPU at 20 requests a second) for a p50 alert latency a quarter of
		// 50 ms's (docs/benchmarks.md, N-commit).
		commitInterval = (commitInterval != null) ? commitInterval : Duration.ofMillis(10);
		standbyReplicas = (standbyReplicas != null) ? standbyReplicas : 0;
		sessionTimeout = (sessionTimeout != null) ? sessionTimeout : Duration.ofSeconds(6);
		if (tick.isNegative() || tick.isZero()) {
			throw new IllegalArgumentException("vigil.dispatcher.tick must be positive");
		}
		if (deadlineOverride != null && (deadlineOverride.isNegative() || deadlineOverride.isZero())) {
			throw new IllegalArgumentException("vigil.dispatcher.deadline-override must be positive when set");
		}
	}

}
