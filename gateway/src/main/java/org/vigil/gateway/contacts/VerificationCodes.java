package org.vigil.gateway.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.vigil.gateway.GatewayKeys;
import org.vigil.protocol.OfficerId;

/**
 * Verification codes in Redis, one per officer and contact method, expiring with the
 * code. Tries are counted atomically before the check, so that two gateway instances
 * checking at once cannot give a guesser more than {@link VerificationCode#ATTEMPTS}.
 */
@Component
class VerificationCodes {

	/** How long a new code for the same method waits after one was sent. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(1);

	private final StringRedisTemplate redis;

	VerificationCodes(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Claims the right to send a code to this method now.
	 * @return false if one was sent less than {@link #RESEND_AFTER} ago
	 */
	boolean claimSend(OfficerId officer, String method) {
		return Boolean.TRUE.equals(
				this.redis.opsForValue().setIfAbsent(GatewayKeys.contactCodeSent(officer, method), "1", RESEND_AFTER));
	}

	/** Stores a new code, replacing any earlier one (and its tries). */
	void store(OfficerId officer, String method, VerificationCode code, Instant now) {
		String key = GatewayKeys.contactCode(officer, method);
		this.redis.delete(key);
		this.redis.opsForHash()
			.putAll(key, Map.of("salt", code.salt(), "digest", code.digest(), "expiresAt", code.expiresAt().toString(),
					"attempts", String.valueOf(code.attempts())));
		this.redis.expire(key, Duration.between(now, code.expiresAt()).plusSeconds(1));
	}

	/**
	 * Checks a typed code; a match deletes it (a code works once).
	 * @return {@link VerificationCode.Check#EXPIRED} if there is no code at all
	 */
	VerificationCode.Check check(OfficerId officer, String method, String typed, Instant now) {
		String key = GatewayKeys.contactCode(officer, method);
		Map<Object, Object> fields = this.redis.opsForHash().entries(key);
		if (fields.isEmpty() || !fields.containsKey("digest")) {
			return VerificationCode.Check.EXPIRED;
		}
		VerificationCode code = new VerificationCode((String) fields.get("salt"), (String) fields.get("digest"),
				Instant.parse((String) fields.get("expiresAt")), Integer.parseInt((String) fields.get("attempts")));
		long tryNumber = this.redis.opsForHash().increment(key, "tries", 1);
		VerificationCode.Check check = code.check(typed, (int) Math.min(tryNumber, Integer.MAX_VALUE), now);
		if (check == VerificationCode.Check.MATCH) {
			this.redis.delete(key);
		}
		return check;
	}

}
