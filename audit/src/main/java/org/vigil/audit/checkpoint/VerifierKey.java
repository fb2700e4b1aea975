package org.vigil.audit.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The public half of a log key, as the C2SP signed-note spec writes it for verifiers
 * ("vkey"): {@code <name>+<key hash, 8 hex digits>+<base64(0x01 || 32-byte Ed25519 public
 * key)>}, for instance
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. This is
 * what an auditor is given (the file {@code log.pub}).
 *
 * @param name the key name; for a log, its origin
 * @param keyHash the key hash: the first four bytes of SHA-256(name || 0x0A || 0x01 ||
 * public key), big-endian
 * @param publicKey the 32-byte Ed25519 public key
 */
public record VerifierKey(String name, int keyHash, byte[] publicKey) {

	public VerifierKey {
		if (!KeyNames.isValid(name)) {
			throw new NoteRejected("invalid key name '" + name + "': it must be non-empty, without spaces or '+'");
		}
		Objects.requireNonNull(publicKey, "publicKey");
		if (publicKey.length != 32) {
			throw new NoteRejected("an Ed25519 public key has 32 bytes, not " + publicKey.length);
		}
		publicKey = publicKey.clone();
		if (keyHash != KeyNames.keyHash(name, publicKey)) {
			throw new NoteRejected(
					"the key hash " + hex(keyHash) + " of key " + name + " is not that of its name and public key");
		}
	}

	/** The verifier key of a name and public key, with the key hash computed. */
	public static VerifierKey of(String name, byte[] publicKey) {
		if (!KeyNames.isValid(name)) {
			throw new NoteRejected("invalid key name '" + name + "': it must be non-empty, without spaces or '+'");
		}
		return new VerifierKey(name, KeyNames.keyHash(name, publicKey), publicKey);
	}

	/**
	 * Reads the text form.
	 * @param vkey {@code <name>+<hash>+<base64 key>}; surrounding whitespace is ignored
	 * @throws NoteRejected if it is malformed, not an Ed25519 key, or its hash does not
	 * match
	 */
	public static VerifierKey parse(String vkey) {
		Objects.requireNonNull(vkey, "vkey");
		String text = vkey.strip();
		int first = text.indexOf('+');
		int second = (first < 0) ? -1 : text.indexOf('+', first + 1);
		if (first <= 0 || second < 0) {
			throw new NoteRejected("not a verifier key (<name>+<hash>+<key>): " + shown(text));
		}
		String name = text.substring(0, first);
		String hash = text.substring(first + 1, second);
		if (!hash.matches("[0-9a-f]{8}")) {
			throw new NoteRejected("the key hash of a verifier key is 8 lower-case hex digits, not " + shown(hash));
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text.substring(second + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new NoteRejected("the key of verifier key " + name + " is not Base64", ex);
		}
		if (key.length != 33 || key[0] != KeyNames.ED25519) {
			throw new NoteRejected("verifier key " + name + " is not an Ed25519 key (0x01 and 32 bytes)");
		}
		return new VerifierKey(name, Integer.parseUnsignedInt(hash, 16), Arrays.copyOfRange(key, 1, 33));
	}

	/** The text form, {@code <name>+<hash>+<base64(0x01 || key)>}. */
	public String encoded() {
		byte[] key = new byte[33];
		key[0] = KeyNames.ED25519;
		System.arraycopy(this.publicKey, 0, key, 1, 32);
		return this.name + "+" + hex(this.keyHash) + "+" + Base64.getEncoder().encodeToString(key);
	}

	@Override
	public byte[] publicKey() {
		return this.publicKey.clone();
	}

	/** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
	boolean verifies(byte[] message, byte[] signature) {
		if (signature.length != 64) {
			return false;
		}
		try {
			Ed25519Signer verifier = new Ed25519Signer();
			verifier.init(false, new Ed25519PublicKeyParameters(this.publicKey, 0));
			verifier.update(message, 0, message.length);
			return verifier.verifySignature(signature);
		}
		catch (RuntimeException ex) {
			// A public key that is not a curve point verifies nothing.
			return false;
		}
	}

	static String hex(int keyHash) {
		return HexFormat.of().toHexDigits(keyHash);
	}

	private static String shown(String text) {
		return "'" + ((text.length() > 80) ? text.substring(0, 80) + "…" : text) + "'";
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof VerifierKey that) && this.name.equals(that.name) && this.keyHash == that.keyHash
				&& Arrays.equals(this.publicKey, that.publicKey);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.keyHash, Arrays.hashCode(this.publicKey));
	}

	@Override
	public String toString() {
		return encoded();
	}

}
