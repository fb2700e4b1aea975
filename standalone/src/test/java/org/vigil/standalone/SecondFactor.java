package org.vigil.standalone;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.security.totp.Base32;
import org.vigil.gateway.security.totp.Totp;

/**
 * The tests' authenticator app: remembers the TOTP secrets people enrolled with and makes
 * their codes from the shared test clock. The gateway accepts each code once, so every
 * code handed out is of a step not handed out before for that person: the current step,
 * then the next and the previous (the gateway accepts one either side); when all three
 * are used, the clock moves on by a step.
 */
final class SecondFactor {

	private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();

	private static final Map<String, Set<Long>> USED = new ConcurrentHashMap<>();

	private static volatile TestClock clock;

	private SecondFactor() {
	}

	static void clock(TestClock testClock) {
		clock = testClock;
	}

	/**
	 * A new secret of the person's. The steps used before stay used: the gateway holds a
	 * used step per person, whatever the secret.
	 */
	static void remember(String username, String base32) {
		SECRETS.put(username, Base32.decode(base32));
	}

	static boolean knows(String username) {
		return SECRETS.containsKey(username);
	}

	/** A code the gateway will accept now, once. */
	static synchronized String code(String username) {
		byte[] secret = SECRETS.get(username);
		if (secret == null) {
			throw new IllegalStateException(username + " has not enrolled a second factor in this test run");
		}
		Set<Long> used = USED.computeIfAbsent(username, (name) -> ConcurrentHashMap.newKeySet());
		long now = Totp.step(clock.instant());
		for (long step : new long[] { now, now + 1, now - 1 }) {
			if (used.add(step)) {
				return Totp.code(secret, step);
			}
		}
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		return code(username);
	}

	/**
	 * Takes a person's second factor away again (the context is shared: other tests log
	 * them in with a password alone).
	 */
	static void forget(StringRedisTemplate redis, String username) {
		redis.delete(GatewayKeys.totpSecret(username));
		redis.delete(GatewayKeys.totpEnrolment(username));
		redis.delete(GatewayKeys.loginFailures(username));
		SECRETS.remove(username);
	}

}
