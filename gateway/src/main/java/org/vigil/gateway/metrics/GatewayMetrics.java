package org.vigil.gateway.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's event meters. Each gateway instance counts what it saw itself (the
 * submissions it refused, the acknowledgements of the partitions it projects), so the
 * network's figure is the sum over instances.
 */
public final class GatewayMetrics {

	/** Submissions refused, tagged {@code reason} with the problem type's last part. */
	public static final String REJECTED_SUBMISSIONS = "vigil.submissions.rejected";

	/**
	 * From the network's acceptance of a request to its first acknowledgement, tagged
	 * {@code urgency} and {@code drill}.
	 */
	public static final String TIME_TO_ACKNOWLEDGE = "vigil.acknowledge.time";

	private final MeterRegistry registry;

	public GatewayMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param problemType the problem detail's type ({@code /problems/signature/revoked}),
	 * or null when the refusal was not a problem detail (then the HTTP status counts)
	 * @param status the HTTP status of the refusal
	 */
	public void submissionRejected(Object problemType, int status) {
		String reason = (problemType != null) ? reason(problemType.toString()) : "http-" + status;
		Counter.builder(REJECTED_SUBMISSIONS)
			.description("Submissions the gateway refused, by problem type")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/** Called once per request, when its first acknowledgement is projected. */
	public void acknowledged(Duration sinceAccepted, String urgency, boolean drill) {
		Timer.builder(TIME_TO_ACKNOWLEDGE)
			.description("From acceptance by the network to the first acknowledgement by an officer")
			.tag("urgency", (urgency != null) ? urgency : "UNKNOWN")
			.tag("drill", Boolean.toString(drill))
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofHours(24))
			.register(this.registry)
			.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
	}

	/**
	 * {@code /problems/signature/revoked} → {@code signature/revoked}: a bounded set of
	 * values (the problem types the gateway defines), never the sender's input.
	 */
	static String reason(String problemType) {
		int at = problemType.indexOf("/problems/");
		String reason = (at >= 0) ? problemType.substring(at + "/problems/".length()) : problemType;
		return reason.isBlank() ? "unknown" : reason;
	}

}
