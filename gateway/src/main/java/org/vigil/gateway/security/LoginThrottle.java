package org.vigil.gateway.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.protocol.audit.AuditEntry;

/**
 * Locks a user name for a while after too many failed logins, so that a password cannot
 * be guessed at line speed, and records every login and failed login in the audit log.
 * The count lives in Redis, shared by all gateway instances; it expires on its own, so a
 * lost Redis only forgets recent failures.
 */
public class LoginThrottle {

	/** Five tries: enough for a sleepy officer's typos, too few to guess a password. */
	public static final int MAX_FAILURES = 5;

	/** How long a user name stays locked after the last counted failure. */
	public static final Duration LOCK = Duration.ofMinutes(15);

	private final StringRedisTemplate redis;

	private final AuditTrail audit;

	private final Clock clock;

	public LoginThrottle(StringRedisTemplate redis, AuditTrail audit, Clock clock) {
		this.redis = redis;
		this.audit = audit;
		this.clock = clock;
	}

	public boolean locked(String username) {
		String count = this.redis.opsForValue().get(GatewayKeys.loginFailures(username));
		return count != null && Long.parseLong(count) >= MAX_FAILURES;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		String key = GatewayKeys.loginFailures(username);
		Long failures = this.redis.opsForValue().increment(key);
		this.redis.expire(key, LOCK);
		this.audit.record(new AuditEntry(this.clock.instant(), username, "LOGIN", username,
				"REJECTED " + event.getException().getClass().getSimpleName(),
				"failed logins in a row: " + failures + ((failures != null && failures >= MAX_FAILURES)
						? "; locked for " + LOCK.toMinutes() + " minutes" : ""),
				"-", null));
	}

	/**
	 * A wrong, malformed or reused second-factor code counts as a failed login: the
	 * password alone must not let anyone try codes at line speed.
	 */
	public void secondFactorFailed(String username, String why) {
		String key = GatewayKeys.loginFailures(username);
		Long failures = this.redis.opsForValue().increment(key);
		this.redis.expire(key, LOCK);
		this.audit
			.record(new AuditEntry(this.clock.instant(), username, "LOGIN_SECOND_FACTOR", username, "REJECTED " + why,
					"failed logins in a row: " + failures + ((failures != null && failures >= MAX_FAILURES)
							? "; locked for " + LOCK.toMinutes() + " minutes" : ""),
					"-", null));
	}

	/** A valid second factor; {@code how} says which step (login, enrolment, header). */
	public void secondFactorPassed(String username, String how) {
		this.redis.delete(GatewayKeys.loginFailures(username));
		this.audit.record(new AuditEntry(this.clock.instant(), username, "LOGIN_SECOND_FACTOR", username, "ACCEPTED",
				how, "-", null));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		// For a person with a second factor the password is half a login: the count is
		// reset only once the code is right too (secondFactorPassed), or a known
		// password would let codes be tried without end.
		if (!Boolean.TRUE.equals(this.redis.hasKey(GatewayKeys.totpSecret(username)))) {
			this.redis.delete(GatewayKeys.loginFailures(username));
		}
		this.audit.record(new AuditEntry(this.clock.instant(), username, "LOGIN", username, "ACCEPTED", "", "-", null));
	}

}
