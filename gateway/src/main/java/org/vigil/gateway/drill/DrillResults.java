package org.vigil.gateway.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestClosed;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestRouted;

/**
 * The drills' results in Redis (layout in {@link GatewayKeys}), projected from the same
 * submissions and events as the requests' read model.
 *
 * <p>
 * The submission and the events arrive on different topics, so in any order: the start is
 * recorded from whichever comes first (the submission's acceptance time wins, since the
 * time to acknowledge counts from it), and the time to acknowledge is computed when read,
 * so the result converges however the records are ordered or replayed.
 */
public class DrillResults {

	/** The most drills of one Party a report looks at. */
	static final int REPORT_LIMIT = 1000;

	private static final String COUNTRY = "country";

	private static final String URGENCY = "urgency";

	private static final String STARTED_AT = "startedAt";

	private static final String OUTCOME = "outcome";

	private static final String ACKNOWLEDGED_BY = "acknowledgedBy";

	private static final String ACKNOWLEDGED_AT = "acknowledgedAt";

	private static final String STEP = "step";

	private static final String ENDED_AT = "endedAt";

	private final StringRedisTemplate redis;

	public DrillResults(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** Records a drill the network accepted; other submissions are ignored. */
	public void recordStart(SubmitRequest submit) {
		if (!submit.drill()) {
			return;
		}
		RequestId id = submit.requestId();
		CountryCode country = submit.request().to();
		String key = GatewayKeys.drill(id);
		this.redis.opsForHash()
			.putAll(key, Map.of(COUNTRY, country.value(), URGENCY, submit.request().urgency().name(), STARTED_AT,
					submit.acceptedAt().toString()));
		this.redis.opsForHash().putIfAbsent(key, OUTCOME, DrillResult.RUNNING);
		this.redis.opsForZSet().add(GatewayKeys.drills(country), id.value(), submit.acceptedAt().toEpochMilli());
	}

	/** Projects the events that make a drill's result; others are ignored. */
	public void apply(RequestEvent event) {
		String key = GatewayKeys.drill(event.requestId());
		if (event instanceof RequestRouted routed) {
			if (!routed.drill()) {
				return;
			}
			this.redis.opsForHash().putIfAbsent(key, COUNTRY, routed.to().value());
			this.redis.opsForHash().putIfAbsent(key, URGENCY, routed.urgency().name());
			this.redis.opsForHash().putIfAbsent(key, OUTCOME, DrillResult.RUNNING);
			if (Boolean.TRUE.equals(this.redis.opsForHash().putIfAbsent(key, STARTED_AT, routed.at().toString()))) {
				this.redis.opsForZSet()
					.add(GatewayKeys.drills(routed.to()), routed.requestId().value(), routed.at().toEpochMilli());
			}
		}
		else if (event instanceof RequestAcknowledged acknowledged) {
			if (!isDrill(key)) {
				return;
			}
			Map<String, String> fields = new HashMap<>();
			fields.put(ACKNOWLEDGED_BY, acknowledged.by().value());
			fields.put(ACKNOWLEDGED_AT, acknowledged.at().toString());
			fields.put(STEP, Integer.toString(acknowledged.step()));
			this.redis.opsForHash().putAll(key, fields);
		}
		else if (event instanceof RequestClosed closed) {
			String outcome = switch (closed.outcome()) {
				case DRILL_ACKNOWLEDGED -> DrillResult.ACKNOWLEDGED;
				case DRILL_FAILED -> DrillResult.FAILED;
				default -> null;
			};
			if (outcome != null) {
				this.redis.opsForHash().putAll(key, Map.of(OUTCOME, outcome, ENDED_AT, closed.at().toString()));
			}
		}
	}

	/** A Party's drills, newest first, at most {@link #REPORT_LIMIT}. */
	public List<DrillResult> of(CountryCode country) {
		Set<String> ids = this.redis.opsForZSet().reverseRange(GatewayKeys.drills(country), 0, REPORT_LIMIT - 1);
		return (ids != null) ? ids.stream().map(RequestId::of).map(this::find).flatMap(Optional::stream).toList()
				: List.of();
	}

	public Optional<DrillResult> find(RequestId id) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(GatewayKeys.drill(id));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		Instant startedAt = instant(hash.get(STARTED_AT));
		Instant acknowledgedAt = instant(hash.get(ACKNOWLEDGED_AT));
		Long millis = (startedAt != null && acknowledgedAt != null)
				? Duration.between(startedAt, acknowledgedAt).toMillis() : null;
		Object step = hash.get(STEP);
		return Optional.of(new DrillResult(id.value(), text(hash.get(COUNTRY)), text(hash.get(URGENCY)), startedAt,
				text(hash.get(OUTCOME)), text(hash.get(ACKNOWLEDGED_BY)), acknowledgedAt,
				(step != null) ? Integer.valueOf(step.toString()) : null, millis, instant(hash.get(ENDED_AT))));
	}

	private boolean isDrill(String key) {
		return Boolean.TRUE.equals(this.redis.hasKey(key));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Instant instant(Object value) {
		return (value != null && !value.toString().isEmpty()) ? Instant.parse(value.toString()) : null;
	}

}
