package org.vigil.gateway.security.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How TOTP secrets are kept in Redis: AES-256-GCM with a key from configuration, a fresh
 * 96-bit nonce each time, and the user name as associated data, so that a secret copied
 * to another person's key does not decrypt. Without a key, secrets are kept as they are
 * (marked {@code plain:}), which only a demo should do.
 */
final class SecretCipher {

	private static final String ENCRYPTED = "aes-gcm:";

	private static final String PLAIN = "plain:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param key 32 bytes, or null to keep secrets unencrypted
	 */
	SecretCipher(byte[] key) {
		if (key != null && key.length != 32) {
			throw new IllegalArgumentException("vigil.gateway.totp.encryption-key must be 32 bytes (base64)");
		}
		this.key = (key != null) ? new SecretKeySpec(key, "AES") : null;
	}

	boolean encrypts() {
		return this.key != null;
	}

	String seal(String username, byte[] secret) {
		if (this.key == null) {
			return PLAIN + Base32.encode(secret);
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret);
			return ENCRYPTED + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has AES-GCM", ex);
		}
	}

	/**
	 * @throws IllegalStateException if the value was sealed with another key, for another
	 * person, or not sealed the way this cipher is configured
	 */
	byte[] open(String username, String stored) {
		if (stored.startsWith(PLAIN)) {
			if (this.key != null) {
				throw new IllegalStateException("An unencrypted TOTP secret of " + username
						+ " is in Redis although an encryption key is configured; they must enrol again");
			}
			return Base32.decode(stored.substring(PLAIN.length()));
		}
		if (!stored.startsWith(ENCRYPTED) || this.key == null) {
			throw new IllegalStateException(
					"The TOTP secret of " + username + " is encrypted, and no key is configured");
		}
		byte[] sealed = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The TOTP secret of " + username
					+ " does not decrypt with the configured key (another key, or not theirs)", ex);
		}
	}

}
