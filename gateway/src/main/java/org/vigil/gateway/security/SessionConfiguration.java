package org.vigil.gateway.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.vigil.gateway.GatewayKeys;

/**
 * People's login sessions live in Redis, so any gateway instance serves any person and a
 * restarted instance logs nobody out.
 *
 * <p>
 * Twelve hours of inactivity: an on-call officer's console is open for a whole night's
 * shift, and a phone browser in the background may stop polling for a while; being sent
 * back to the login page at 03:00 is the failure we must not cause. The session cookie
 * stays HTTP-only, and logging out ends the session everywhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession(redisNamespace = GatewayKeys.SESSIONS, maxInactiveIntervalInSeconds = 12 * 60 * 60)
public class SessionConfiguration {

}
