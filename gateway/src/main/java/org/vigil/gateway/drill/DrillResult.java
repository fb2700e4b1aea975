package org.vigil.gateway.drill;

import java.time.Instant;

/**
 * One drill as the report shows it.
 *
 * @param requestId the drill's request id
 * @param country the drilled Party
 * @param urgency the urgency it escalated with
 * @param startedAt when the network accepted it; the time to acknowledge counts from here
 * @param outcome {@code RUNNING}, {@code ACKNOWLEDGED} or {@code FAILED}
 * @param acknowledgedBy who acknowledged; null unless acknowledged
 * @param acknowledgedAt when; null unless acknowledged
 * @param step the ladder step that was paging when it was acknowledged; null unless
 * acknowledged
 * @param millisToAcknowledge from {@code startedAt} to {@code acknowledgedAt}; null
 * unless acknowledged
 * @param endedAt when it closed; null while running
 */
public record DrillResult(String requestId, String country, String urgency, Instant startedAt, String outcome,
		String acknowledgedBy, Instant acknowledgedAt, Integer step, Long millisToAcknowledge, Instant endedAt) {

	public static final String RUNNING = "RUNNING";

	public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

	public static final String FAILED = "FAILED";

}
