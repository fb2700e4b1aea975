package org.vigil.gateway.security.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;

/**
 * People's TOTP secrets and the check of their codes. A code is accepted in its own 30 s
 * step and one step on either side, with the injected {@link Clock}, and only once: the
 * step it matched is held in Redis (shared by every gateway instance) for as long as the
 * code could still be accepted.
 */
public class SecondFactors {

	/** How long an offered secret waits for its confirming code. */
	static final Duration ENROLMENT_TIMEOUT = Duration.ofMinutes(10);

	/** As long as a code of a step can be accepted: its step and the window after it. */
	private static final Duration USED_KEPT = Duration.ofSeconds(Totp.STEP_SECONDS * (2 * Totp.WINDOW + 2));

	private final StringRedisTemplate redis;

	private final SecretCipher cipher;

	private final Clock clock;

	private final String issuer;

	SecondFactors(StringRedisTemplate redis, SecretCipher cipher, Clock clock, String issuer) {
		this.redis = redis;
		this.cipher = cipher;
		this.clock = clock;
		this.issuer = issuer;
	}

	/** Whether the person has confirmed a TOTP secret. */
	public boolean enrolled(String username) {
		return Boolean.TRUE.equals(this.redis.hasKey(GatewayKeys.totpSecret(username)));
	}

	/**
	 * Whether the code is the person's current one (within the window) and has not been
	 * used before; a valid code is used up by this call. False if they are not enrolled.
	 */
	public boolean verify(String username, String code) {
		String stored = this.redis.opsForValue().get(GatewayKeys.totpSecret(username));
		if (stored == null) {
			return false;
		}
		return accept(username, this.cipher.open(username, stored), code);
	}

	/**
	 * The secret offered to a person who is not enrolled: the one offered in the last
	 * {@link #ENROLMENT_TIMEOUT}, else a new one.
	 */
	Enrolment offer(String username) {
		String key = GatewayKeys.totpEnrolment(username);
		String stored = this.redis.opsForValue().get(key);
		byte[] secret;
		if (stored != null) {
			secret = this.cipher.open(username, stored);
		}
		else {
			secret = Totp.newSecret();
			this.redis.opsForValue().set(key, this.cipher.seal(username, secret), ENROLMENT_TIMEOUT);
		}
		return new Enrolment(Base32.encode(secret), uri(username, secret));
	}

	/**
	 * Confirms the offered secret with a code made from it: from now on the person is
	 * enrolled.
	 * @return false if nothing was offered, or the code is wrong or used
	 */
	boolean confirm(String username, String code) {
		String key = GatewayKeys.totpEnrolment(username);
		String stored = this.redis.opsForValue().get(key);
		if (stored == null) {
			return false;
		}
		byte[] secret = this.cipher.open(username, stored);
		if (!accept(username, secret, code)) {
			return false;
		}
		this.redis.opsForValue().set(GatewayKeys.totpSecret(username), this.cipher.seal(username, secret));
		this.redis.delete(key);
		return true;
	}

	private boolean accept(String username, byte[] secret, String code) {
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			return false;
		}
		// SET NX: of two requests racing with the same code, one wins.
		return Boolean.TRUE.equals(this.redis.opsForValue()
			.setIfAbsent(GatewayKeys.totpUsed(username, step.getAsLong()), "used", USED_KEPT));
	}

	private String uri(String username, byte[] secret) {
		String label = encode(this.issuer + ":" + username);
		return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(this.issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A secret offered to a person, in the two forms authenticator apps take.
	 *
	 * @param base32 the secret, RFC 4648 base32 without padding
	 * @param uri the {@code otpauth://totp/...} URI (what a QR code would hold)
	 */
	record Enrolment(String base32, String uri) {
	}

}
