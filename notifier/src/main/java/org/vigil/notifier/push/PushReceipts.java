package org.vigil.notifier.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.notifier.NotifierKeys;
import org.vigil.protocol.notification.DeliveryKey;

/**
 * One-time receipt tokens of pushed pages. Each page carries, inside its encrypted
 * payload, a fresh random token (24 bytes, base64url) that the service worker posts back
 * once it has shown the page; the token is the only credential, so it is random rather
 * than derived from the message's key, works once, and expires with the page's
 * acknowledgement link. Redis keeps only the token's SHA-256 (a copy of Redis gives no
 * usable token), mapped to the message it stands for.
 */
public class PushReceipts {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{32}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final StringRedisTemplate redis;

	private final NotifierKeys keys;

	private final Duration validity;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param validity how long a token works: as long as the acknowledgement link in the
	 * same payload
	 */
	public PushReceipts(StringRedisTemplate redis, NotifierKeys keys, Duration validity) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keys = Objects.requireNonNull(keys, "keys");
		this.validity = Objects.requireNonNull(validity, "validity");
	}

	/**
	 * A new token for a page about to be pushed, stored before the push goes (a browser
	 * may answer within milliseconds).
	 * @throws RuntimeException if Redis cannot store it (the page is then not sent now)
	 */
	public String issue(DeliveryKey key) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = ENCODER.encodeToString(bytes);
		this.redis.opsForValue().set(this.keys.pushReceipt(digest(token)), key.value(), this.validity);
		return token;
	}

	/**
	 * The message a token stands for, once: the token is spent by this call.
	 * @return empty if the token is unknown, spent already or expired
	 * @throws IllegalArgumentException if it is not of the form {@link #issue} gives
	 */
	public Optional<DeliveryKey> redeem(String token) {
		if (!wellFormed(token)) {
			throw new IllegalArgumentException("a receipt token is 32 base64url characters");
		}
		String value = this.redis.opsForValue().getAndDelete(this.keys.pushReceipt(digest(token)));
		return Optional.ofNullable(value).map(DeliveryKey::parse);
	}

	/** Whether a text has the form of a token (it may still be unknown). */
	public static boolean wellFormed(String token) {
		return token != null && FORM.matcher(token).matches();
	}

	private static String digest(String token) {
		try {
			return ENCODER
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
