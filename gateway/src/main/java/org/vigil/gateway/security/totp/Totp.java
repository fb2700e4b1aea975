package org.vigil.gateway.security.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them:
 * HMAC-SHA1 (RFC 4226's dynamic truncation), 30-second steps from the Unix epoch, six
 * digits. Pure: the instant is given, so tests compute codes from their own clock.
 */
public final class Totp {

	/** Length of a step. */
	public static final long STEP_SECONDS = 30;

	/** Digits of a code. */
	public static final int DIGITS = 6;

	/**
	 * Steps accepted on either side of the current one, for clock drift and a code typed
	 * as it turns over.
	 */
	public static final int WINDOW = 1;

	/** 160 bits, the size of an HMAC-SHA1 key, as RFC 4226 recommends. */
	public static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new random secret. */
	public static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The step an instant falls in. */
	public static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The six-digit code of a step, with leading zeros. */
	public static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/** The code of a step with the given number of digits (RFC 6238's vectors use 8). */
	static String code(byte[] secret, long step, int digits) {
		Objects.requireNonNull(secret, "secret");
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA1", ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		int modulus = (int) Math.pow(10, digits);
		return String.format("%0" + digits + "d", binary % modulus);
	}

	/**
	 * The step whose code this is, among the current one and {@link #WINDOW} on either
	 * side; empty if none matches or the code is not six digits. Compares in constant
	 * time.
	 */
	public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong found = OptionalLong.empty();
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			// No early exit: every candidate costs the same.
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

}
