package org.vigil.protocol.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * Signs and verifies acknowledgement links with the network's link key (HMAC-SHA256). The
 * notifier signs, the gateway verifies; both hold the same key. A token is
 * {@code base64url(claims) "." base64url(mac)}, where the claims are
 * {@code v1|request|officer|step|channel|expires-epoch-second|nonce}. Whether a token was
 * used already is not the token's business: the gateway remembers used nonces.
 */
public final class AckTokens {

	private static final String VERSION = "v1";

	private static final String ALGORITHM = "HmacSHA256";

	/** Fewer bytes than this and the key is refused. */
	public static final int MIN_KEY_BYTES = 32;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * @param key at least {@link #MIN_KEY_BYTES} random bytes
	 */
	public AckTokens(byte[] key) {
		Objects.requireNonNull(key, "key");
		if (key.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException("the link key must have at least " + MIN_KEY_BYTES + " bytes");
		}
		this.key = new SecretKeySpec(key.clone(), ALGORITHM);
	}

	/** A key from its base64 (standard or URL-safe) text, as configuration holds it. */
	public static AckTokens fromBase64(String key) {
		Objects.requireNonNull(key, "key");
		String text = key.trim().replace('+', '-').replace('/', '_');
		return new AckTokens(DECODER.decode(text.replace("=", "")));
	}

	/** A fresh random nonce for a link. */
	public static String nonce() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	/** A link for a message sent now, valid for {@code validity}. */
	public static AckLink link(RequestId requestId, OfficerId officer, int step, ContactChannel channel, Instant now,
			Duration validity) {
		return new AckLink(requestId, officer, step, channel, now.plus(validity), nonce());
	}

	public String sign(AckLink link) {
		String claims = String.join("|", VERSION, link.requestId().value(), link.officer().value(),
				Integer.toString(link.step()), link.channel().name(), Long.toString(link.expiresAt().getEpochSecond()),
				link.nonce());
		byte[] payload = claims.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
	}

	/**
	 * @return what the token says, if it is genuine and not expired at {@code now}
	 * @throws AckTokenRejected otherwise
	 */
	public AckLink verify(String token, Instant now) {
		if (token == null || token.length() > 512) {
			throw new AckTokenRejected("not an acknowledgement token", false);
		}
		int dot = token.indexOf('.');
		if (dot < 1 || dot != token.lastIndexOf('.')) {
			throw new AckTokenRejected("not an acknowledgement token", false);
		}
		byte[] payload;
		byte[] mac;
		try {
			payload = DECODER.decode(token.substring(0, dot));
			mac = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new AckTokenRejected("not an acknowledgement token", false);
		}
		// Constant time: a timing difference must not tell how much of a forged MAC was
		// right.
		if (!MessageDigest.isEqual(mac, mac(payload))) {
			throw new AckTokenRejected("the token's signature does not verify", false);
		}
		String[] claims = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		if (claims.length != 7 || !VERSION.equals(claims[0])) {
			throw new AckTokenRejected("unknown token version", false);
		}
		AckLink link;
		try {
			link = new AckLink(RequestId.of(claims[1]), OfficerId.of(claims[2]), Integer.parseInt(claims[3]),
					ContactChannel.valueOf(claims[4]), Instant.ofEpochSecond(Long.parseLong(claims[5])), claims[6]);
		}
		catch (IllegalArgumentException ex) {
			throw new AckTokenRejected("the token's claims are malformed", false);
		}
		if (!now.isBefore(link.expiresAt())) {
			throw new AckTokenRejected("the link expired at " + link.expiresAt(), true);
		}
		return link;
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
