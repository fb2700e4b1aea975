package org.vigil.gateway.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A verification code as stored: never the code itself, only a salted SHA-256 of it, when
 * it expires, and how many checks it allows. Six digits with five tries leave a guesser
 * one chance in 200,000 per code, and a new code waits a minute.
 *
 * @param salt random hex, so that equal codes do not store equal digests
 * @param digest SHA-256 of salt and code, hex
 * @param expiresAt after this no check passes
 * @param attempts how many checks it allows, right or wrong
 */
public record VerificationCode(String salt, String digest, Instant expiresAt, int attempts) {

	/** Digits of a code. */
	public static final int DIGITS = 6;

	/** How long a code works. */
	public static final Duration VALIDITY = Duration.ofMinutes(15);

	/** How many tries a code allows. */
	public static final int ATTEMPTS = 5;

	public VerificationCode {
		Objects.requireNonNull(salt, "salt");
		Objects.requireNonNull(digest, "digest");
		Objects.requireNonNull(expiresAt, "expiresAt");
		if (attempts < 1) {
			throw new IllegalArgumentException("a code allows at least one try");
		}
	}

	/** A new code, and what is stored of it. */
	public record Issued(String code, VerificationCode stored) {
	}

	/** What a check found. */
	public enum Check {

		/** The code is right, in time, within its tries. */
		MATCH,

		/** Wrong code; tries may be left. */
		WRONG,

		/** Past its expiry. */
		EXPIRED,

		/** Its tries were used up (this one included or before). */
		NO_TRIES_LEFT

	}

	/** Issues a code of {@link #DIGITS} digits valid {@link #VALIDITY} from now. */
	public static Issued issue(RandomGenerator random, Instant now) {
		StringBuilder code = new StringBuilder(DIGITS);
		for (int i = 0; i < DIGITS; i++) {
			code.append(random.nextInt(10));
		}
		byte[] salt = new byte[16];
		random.nextBytes(salt);
		String saltHex = HexFormat.of().formatHex(salt);
		return new Issued(code.toString(),
				new VerificationCode(saltHex, digest(saltHex, code.toString()), now.plus(VALIDITY), ATTEMPTS));
	}

	/**
	 * Checks a typed code.
	 * @param typed what the officer typed; spaces are ignored
	 * @param tryNumber which try this is, counting from 1 (the store counts atomically)
	 */
	public Check check(String typed, int tryNumber, Instant now) {
		if (now.isAfter(this.expiresAt)) {
			return Check.EXPIRED;
		}
		if (tryNumber > this.attempts) {
			return Check.NO_TRIES_LEFT;
		}
		String clean = (typed != null) ? typed.replace(" ", "") : "";
		boolean match = MessageDigest.isEqual(digest(this.salt, clean).getBytes(StandardCharsets.US_ASCII),
				this.digest.getBytes(StandardCharsets.US_ASCII));
		return match ? Check.MATCH : Check.WRONG;
	}

	private static String digest(String salt, String code) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JVM has no SHA-256", ex);
		}
	}

}
