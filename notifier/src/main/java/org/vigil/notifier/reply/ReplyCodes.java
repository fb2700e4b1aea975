package org.vigil.notifier.reply;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.notifier.NotifierKeys;

/**
 * Four-digit reply codes, unique per phone number among those alive, each standing for
 * the signed acknowledgement token of the text it was sent in. A code works once and
 * expires with the link. Four digits are enough: only the provider (with its bearer
 * token) can report a reply, and only from the number the code was sent to.
 */
public class ReplyCodes {

	private static final int TRIES = 20;

	private final StringRedisTemplate redis;

	private final NotifierKeys keys;

	private final SecureRandom random = new SecureRandom();

	public ReplyCodes(StringRedisTemplate redis, NotifierKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * A new code for a text to this number.
	 * @return empty if no free code was found (the text then goes without one)
	 */
	public Optional<String> issue(String number, String token, Duration validity) {
		for (int i = 0; i < TRIES; i++) {
			String code = String.format("%04d", this.random.nextInt(10_000));
			if (Boolean.TRUE
				.equals(this.redis.opsForValue().setIfAbsent(this.keys.replyCode(number, code), token, validity))) {
				return Optional.of(code);
			}
		}
		return Optional.empty();
	}

	/** The token a reply stands for, once: the code is gone afterwards. */
	public Optional<String> take(String number, String code) {
		return Optional.ofNullable(this.redis.opsForValue().getAndDelete(this.keys.replyCode(number, code)));
	}

}
