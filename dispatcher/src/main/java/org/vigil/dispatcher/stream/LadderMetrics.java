package org.vigil.dispatcher.stream;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.vigil.protocol.event.EscalatedByHand;
import org.vigil.protocol.event.LadderExhausted;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.ResponseOverdue;
import org.vigil.protocol.event.StepEscalated;

/**
 * What the dispatcher tells operators: escalations by kind and how late deadlines fire.
 * Counted when the processor emits, inside the Kafka transaction: an aborted and replayed
 * batch counts twice, so these are for watching, not for accounting (the events are).
 */
public final class LadderMetrics {

	/**
	 * Escalations, tagged {@code kind}: {@code deadline} (a step's time ran out),
	 * {@code by-hand}, {@code exhausted} (the ladder ran out and the coordinator is
	 * paged), {@code response-overdue} (an acknowledged request was not answered in
	 * time).
	 */
	public static final String ESCALATIONS = "vigil.escalations";

	/**
	 * How long after its planned time a deadline fired (the tick, a backlog, a
	 * fail-over).
	 */
	public static final String DEADLINE_LATENESS = "vigil.deadline.lateness";

	private final MeterRegistry registry;

	private final Timer lateness;

	public LadderMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lateness = Timer.builder(DEADLINE_LATENESS)
			.description("Time between a deadline's planned instant and its firing")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(registry);
	}

	/**
	 * Meters nobody reads, for tools and tests that run the topology without a registry.
	 */
	public static LadderMetrics unobserved() {
		return new LadderMetrics(new SimpleMeterRegistry());
	}

	void deadlineFired(Instant due, Instant firedAt) {
		Duration late = Duration.between(due, firedAt);
		this.lateness.record(late.isNegative() ? Duration.ZERO : late);
	}

	/**
	 * @return the escalation's kind, or null for an event that is none
	 */
	String emitted(RequestEvent event) {
		String kind;
		if (event instanceof StepEscalated) {
			kind = "deadline";
		}
		else if (event instanceof EscalatedByHand) {
			kind = "by-hand";
		}
		else if (event instanceof LadderExhausted) {
			kind = "exhausted";
		}
		else if (event instanceof ResponseOverdue) {
			kind = "response-overdue";
		}
		else {
			return null;
		}
		Counter.builder(ESCALATIONS)
			.description("Escalations emitted by this dispatcher, by kind")
			.tag("kind", kind)
			.register(this.registry)
			.increment();
		return kind;
	}

}
