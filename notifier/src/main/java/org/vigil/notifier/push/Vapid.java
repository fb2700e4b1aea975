package org.vigil.notifier.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Voluntary application server identification (VAPID, RFC 8292): every push request
 * carries {@code Authorization: vapid t=<JWT>, k=<public key>}, the JWT signed with
 * ES256, its audience the push service's origin, its expiry at most 24 hours away (12
 * here) and its subject a contact for the push service's operator. The browser subscribed
 * with the public key, so the push service accepts messages for the subscription only
 * from the holder of the private key.
 */
public final class Vapid {

	/** How long a token is valid; RFC 8292 allows at most 24 hours. */
	static final Duration VALIDITY = Duration.ofHours(12);

	private final ECPrivateKey privateKey;

	private final String publicKey;

	private final String subject;

	private final Clock clock;

	/**
	 * @param publicKey the uncompressed P-256 public key, base64url
	 * @param privateKey the 32-byte private scalar, base64url
	 * @param subject a {@code mailto:} or {@code https:} contact
	 * @throws IllegalArgumentException if the keys are not a P-256 pair or the subject is
	 * neither
	 */
	public Vapid(String publicKey, String privateKey, String subject, Clock clock) {
		ECPublicKey pub = EcKeys.publicKey(EcKeys.decode(publicKey));
		this.privateKey = EcKeys.privateKey(EcKeys.decode(privateKey));
		if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
			throw new IllegalArgumentException("the VAPID subject is a mailto: or https: contact, not " + subject);
		}
		this.publicKey = EcKeys.encode(EcKeys.uncompressed(pub));
		this.subject = subject;
		this.clock = Objects.requireNonNull(clock, "clock");
		if (!matches(pub)) {
			throw new IllegalArgumentException("the VAPID public key is not the private key's");
		}
	}

	/** The public key, base64url, as the browser subscribes with it. */
	public String publicKey() {
		return this.publicKey;
	}

	/** The {@code Authorization} header for a push to this endpoint. */
	public String authorization(URI endpoint) {
		return "vapid t=" + token(origin(endpoint)) + ", k=" + this.publicKey;
	}

	/** A signed JWT for an audience. */
	String token(String audience) {
		long expires = this.clock.instant().plus(VALIDITY).getEpochSecond();
		String header = b64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
		String claims = b64(
				"{\"aud\":\"" + json(audience) + "\",\"exp\":" + expires + ",\"sub\":\"" + json(this.subject) + "\"}");
		String signingInput = header + "." + claims;
		return signingInput + "." + EcKeys.encode(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	/** The scheme, host and port (when not the default) of a URL. */
	static String origin(URI endpoint) {
		String origin = endpoint.getScheme() + "://" + endpoint.getHost();
		return (endpoint.getPort() == -1) ? origin : origin + ":" + endpoint.getPort();
	}

	private byte[] sign(byte[] input) {
		try {
			// JWS ES256 is R || S, 32 bytes each (the P1363 form), not DER.
			Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
			signature.initSign(this.privateKey);
			signature.update(input);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("VAPID signing failed", ex);
		}
	}

	private boolean matches(ECPublicKey pub) {
		try {
			byte[] probe = "vapid key check".getBytes(StandardCharsets.US_ASCII);
			Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
			verifier.initVerify(pub);
			verifier.update(probe);
			return verifier.verify(sign(probe));
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	@Override
	public String toString() {
		return "Vapid[" + this.publicKey + ", " + this.subject + "]";
	}

}
