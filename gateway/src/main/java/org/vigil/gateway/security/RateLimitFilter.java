package org.vigil.gateway.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.protocol.json.WireJson;

/**
 * A per-principal limit on API calls per minute of the clock, counted in Redis so that it
 * holds across gateway instances. Over the limit the answer is 429 with
 * {@code Retry-After}, as a problem detail. If Redis cannot count, the call goes through:
 * a limit exists to protect the network, and must never be the reason an urgent request
 * is refused.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private static final Duration KEEP = Duration.ofMinutes(2);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final int perMinute;

	public RateLimitFilter(StringRedisTemplate redis, Clock clock, int perMinute) {
		this.redis = redis;
		this.clock = clock;
		this.perMinute = perMinute;
	}

	/**
	 * Providers' delivery callbacks: not a person, authenticated by the notifier's own
	 * bearer token, and a burst of receipts must not be throttled with the anonymous
	 * user's share.
	 */
	static final String PROVIDER_RECEIPTS = "/api/v1/notifications/receipts";

	/**
	 * Service workers' push receipts: anonymous, so counted against the one anonymous
	 * share, which a burst of pages (or someone posting junk) would exhaust for every
	 * officer's browser at once. A guess at a 24-byte random token costs one Redis read
	 * and finds nothing.
	 */
	static final String PUSH_RECEIPTS = "/api/v1/notifications/push-receipts";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.perMinute == 0 || !request.getRequestURI().startsWith("/api/")
				|| request.getRequestURI().equals(PROVIDER_RECEIPTS) || request.getRequestURI().equals(PUSH_RECEIPTS);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		long nowMillis = this.clock.millis();
		long minute = nowMillis / 60_000;
		Long calls;
		try {
			String key = GatewayKeys.apiCalls(authentication.getName(), minute);
			calls = this.redis.opsForValue().increment(key);
			if (calls != null && calls == 1) {
				this.redis.expire(key, KEEP);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Rate limit not counted for {}: {}", authentication.getName(), ex.getMessage());
			chain.doFilter(request, response);
			return;
		}
		if (calls != null && calls > this.perMinute) {
			long retryAfter = Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", ProblemTypes.TOO_MANY_REQUESTS.toString());
			body.put("title", "Too many requests");
			body.put("status", 429);
			body.put("detail", authentication.getName() + " made more than " + this.perMinute
					+ " API calls this minute; try again in " + retryAfter + " s");
			body.put("instance", request.getRequestURI());
			response.getOutputStream().write(WireJson.write(body));
			return;
		}
		chain.doFilter(request, response);
	}

}
