package org.vigil.gateway.metrics;

import java.util.EnumSet;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.status.RequestState;

/**
 * {@code vigil.requests.open}, tagged {@code state}: how many requests are in each state
 * that still owes something, read from the read model's per-state sets at each scrape.
 * Every gateway instance reports the same network-wide figure (they share Redis), so
 * dashboards take the max over instances, not the sum.
 */
public final class OpenRequests implements MeterBinder {

	public static final String OPEN_REQUESTS = "vigil.requests.open";

	/** Every state but {@link RequestState#CLOSED}, which is not counted. */
	public static final Set<RequestState> COUNTED = EnumSet.complementOf(EnumSet.of(RequestState.CLOSED));

	private final StringRedisTemplate redis;

	public OpenRequests(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (RequestState state : COUNTED) {
			Gauge.builder(OPEN_REQUESTS, this, (self) -> self.count(state))
				.description("Requests in each state that still owes something (network-wide, from the read model)")
				.tag("state", state.name())
				.register(registry);
		}
	}

	private double count(RequestState state) {
		try {
			Long size = this.redis.opsForSet().size(GatewayKeys.requestsInState(state.name()));
			return (size != null) ? size : 0;
		}
		catch (RuntimeException ex) {
			// Redis is down: say "unknown", not "nothing open".
			return Double.NaN;
		}
	}

}
