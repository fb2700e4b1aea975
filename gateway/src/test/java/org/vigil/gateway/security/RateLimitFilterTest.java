package org.vigil.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.vigil.embedded.testing.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-principal limit against a real redis-server, with a clock the test sets: the
 * limit holds within a minute of the clock, counts each principal apart, and starts
 * afresh the next minute.
 */
class RateLimitFilterTest {

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	@AfterEach
	void forgetPrincipal() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theCallPastTheLimitIsAnswered429WithRetryAfterUntilTheNextMinute() throws Exception {
		Instant tenSecondsIn = Instant.parse("2026-11-22T02:00:10Z");
		RateLimitFilter filter = new RateLimitFilter(redis.template(), Clock.fixed(tenSecondsIn, ZoneOffset.UTC), 3);

		List<Integer> statuses = new ArrayList<>();
		MockHttpServletResponse last = null;
		for (int i = 0; i < 4; i++) {
			last = call(filter, "fr.requester");
			statuses.add(last.getStatus());
		}

		assertThat(statuses).containsExactly(200, 200, 200, 429);
		assertThat(last.getHeader("Retry-After")).isEqualTo("50");
		assertThat(last.getContentType()).isEqualTo("application/problem+json");
		assertThat(last.getContentAsString()).contains("/problems/too-many-requests").contains("fr.requester");
		assertThat(call(filter, "de.requester").getStatus()).as("another principal counts apart").isEqualTo(200);

		RateLimitFilter nextMinute = new RateLimitFilter(redis.template(),
				Clock.fixed(tenSecondsIn.plusSeconds(60), ZoneOffset.UTC), 3);
		assertThat(call(nextMinute, "fr.requester").getStatus()).isEqualTo(200);
	}

	@Test
	void zeroMeansNoLimit() throws Exception {
		RateLimitFilter filter = new RateLimitFilter(redis.template(), Clock.systemUTC(), 0);
		for (int i = 0; i < 5; i++) {
			assertThat(call(filter, "nl.requester").getStatus()).isEqualTo(200);
		}
	}

	@Test
	void providersDeliveryCallbacksAreNotCountedAgainstAnyone() throws Exception {
		RateLimitFilter filter = new RateLimitFilter(redis.template(), Clock.systemUTC(), 2);
		for (int i = 0; i < 5; i++) {
			assertThat(call(filter, "anonymousUser", RateLimitFilter.PROVIDER_RECEIPTS).getStatus()).isEqualTo(200);
		}
	}

	@Test
	void serviceWorkersPushReceiptsAreNotCountedAgainstTheAnonymousShare() throws Exception {
		RateLimitFilter filter = new RateLimitFilter(redis.template(), Clock.systemUTC(), 2);
		for (int i = 0; i < 5; i++) {
			assertThat(call(filter, "anonymousUser", RateLimitFilter.PUSH_RECEIPTS).getStatus()).isEqualTo(200);
		}
	}

	private static MockHttpServletResponse call(RateLimitFilter filter, String principal) throws Exception {
		return call(filter, principal, "/api/v1/me");
	}

	private static MockHttpServletResponse call(RateLimitFilter filter, String principal, String path)
			throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRequestURI(path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
