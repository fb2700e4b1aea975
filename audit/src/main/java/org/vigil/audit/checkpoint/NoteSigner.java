package org.vigil.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The log's private key: an Ed25519 key with a name, signing C2SP signed notes. It is the
 * log's own key, kept apart from the PKI's message-signing keys, so that it can be
 * rotated, published and audited on its own.
 *
 * <p>
 * On disk it is a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, RFC 8410), which
 * OpenSSL and the JDK read; the name is not part of the PEM and travels beside it, in the
 * verifier key ({@code log.pub}).
 */
public final class NoteSigner {

	/** The DER of a PKCS#8 Ed25519 private key up to the 32-byte seed (RFC 8410 §7). */
	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PEM_END = "-----END PRIVATE KEY-----";

	private final String name;

	private final Ed25519PrivateKeyParameters key;

	private final VerifierKey verifierKey;

	private NoteSigner(String name, byte[] seed) {
		if (!KeyNames.isValid(name)) {
			throw new NoteRejected("invalid key name '" + name + "': it must be non-empty, without spaces or '+'");
		}
		this.name = name;
		this.key = new Ed25519PrivateKeyParameters(seed, 0);
		this.verifierKey = VerifierKey.of(name, this.key.generatePublicKey().getEncoded());
	}

	/** A new key. */
	public static NoteSigner generate(String name, SecureRandom random) {
		byte[] seed = new byte[32];
		random.nextBytes(seed);
		return new NoteSigner(name, seed);
	}

	/** The key of a 32-byte Ed25519 seed (RFC 8032 private key). */
	public static NoteSigner fromSeed(String name, byte[] seed) {
		Objects.requireNonNull(seed, "seed");
		if (seed.length != 32) {
			throw new NoteRejected("an Ed25519 private key has 32 bytes, not " + seed.length);
		}
		return new NoteSigner(name, seed.clone());
	}

	/**
	 * Reads a PKCS#8 PEM Ed25519 private key.
	 * @throws NoteRejected if it is not one
	 */
	public static NoteSigner fromPem(String name, String pem) {
		String text = pem.strip();
		if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
			throw new NoteRejected("not a PEM private key (" + PEM_BEGIN + ")");
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder()
				.decode(text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new NoteRejected("the PEM private key is not Base64", ex);
		}
		if (der.length != PKCS8_PREFIX.length + 32
				|| !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
			throw new NoteRejected("the PEM private key is not a PKCS#8 Ed25519 key");
		}
		return new NoteSigner(name, Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
	}

	/** The private key as PKCS#8 PEM, to be kept secret. */
	public String toPem() {
		byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
		System.arraycopy(this.key.getEncoded(), 0, der, PKCS8_PREFIX.length, 32);
		return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n" + PEM_END
				+ "\n";
	}

	public String name() {
		return this.name;
	}

	/** The public half, to hand to verifiers. */
	public VerifierKey verifierKey() {
		return this.verifierKey;
	}

	/**
	 * Signs a note text.
	 * @param text the text: valid signed-note text, ending in a newline
	 * @return the signed note: the text, a blank line and the signature line
	 * {@code — <name> <base64(key hash || signature)>}
	 * @throws NoteRejected if the text is not valid note text
	 */
	public String sign(String text) {
		SignedNote.checkText(text);
		byte[] message = text.getBytes(StandardCharsets.UTF_8);
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.key);
		signer.update(message, 0, message.length);
		byte[] signature = signer.generateSignature();
		byte[] blob = new byte[4 + signature.length];
		int hash = this.verifierKey.keyHash();
		blob[0] = (byte) (hash >>> 24);
		blob[1] = (byte) (hash >>> 16);
		blob[2] = (byte) (hash >>> 8);
		blob[3] = (byte) hash;
		System.arraycopy(signature, 0, blob, 4, signature.length);
		return text + "\n" + SignedNote.SIGNATURE_PREFIX + this.name + " " + Base64.getEncoder().encodeToString(blob)
				+ "\n";
	}

	@Override
	public String toString() {
		return "NoteSigner[" + this.verifierKey.encoded() + "]";
	}

}
