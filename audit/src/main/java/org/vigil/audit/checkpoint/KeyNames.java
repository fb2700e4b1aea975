package org.vigil.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Rules shared by signers and verifiers: key names and key hashes of the signed-note
 * spec.
 */
final class KeyNames {

	/** The signature type of Ed25519 in the signed-note spec. */
	static final byte ED25519 = 0x01;

	private KeyNames() {
	}

	/**
	 * Whether a key name is valid: non-empty, with neither Unicode spaces nor {@code +}.
	 * Java strings are UTF-16, so it is valid UTF-8 once encoded, unless it holds a lone
	 * surrogate, which is refused as well.
	 */
	static boolean isValid(String name) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
					|| Character.isSurrogate(c) && !validPair(name, i)) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				i++;
			}
		}
		return true;
	}

	private static boolean validPair(String name, int i) {
		return Character.isHighSurrogate(name.charAt(i)) && i + 1 < name.length()
				&& Character.isLowSurrogate(name.charAt(i + 1));
	}

	/**
	 * The key hash: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key),
	 * as a big-endian unsigned 32-bit number.
	 */
	static int keyHash(String name, byte[] publicKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) '\n');
			sha256.update(ED25519);
			sha256.update(publicKey);
			byte[] digest = sha256.digest();
			return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
					| (digest[3] & 0xff);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
