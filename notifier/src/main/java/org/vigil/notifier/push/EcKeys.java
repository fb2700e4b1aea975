package org.vigil.notifier.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys in the raw forms Web Push uses: a public key as the 65-byte uncompressed
 * point, a private key as the 32-byte scalar, both base64url without padding.
 */
public final class EcKeys {

	private static final ECParameterSpec P256;

	static {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			P256 = parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private EcKeys() {
	}

	public static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(P256);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @throws IllegalArgumentException if it is not an uncompressed point on P-256
	 */
	public static ECPublicKey publicKey(byte[] uncompressed) {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new IllegalArgumentException("not an uncompressed P-256 point (65 bytes starting with 4)");
		}
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		try {
			// ECDH refuses a point off the curve (PayloadEncryption), so no check here.
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a P-256 public key", ex);
		}
	}

	public static ECPrivateKey privateKey(byte[] scalar) {
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC")
				.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), P256));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a P-256 private key", ex);
		}
	}

	public static byte[] uncompressed(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		unsigned(key.getW().getAffineX(), out, 1);
		unsigned(key.getW().getAffineY(), out, 33);
		return out;
	}

	public static byte[] scalar(ECPrivateKey key) {
		byte[] out = new byte[32];
		unsigned(key.getS(), out, 0);
		return out;
	}

	public static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url.trim().replace("=", ""));
	}

	public static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A non-negative number as exactly 32 big-endian bytes at {@code offset}. */
	private static void unsigned(BigInteger value, byte[] out, int offset) {
		byte[] bytes = value.toByteArray();
		int skip = (bytes.length > 32) ? bytes.length - 32 : 0;
		int length = bytes.length - skip;
		System.arraycopy(bytes, skip, out, offset + 32 - length, length);
	}

}
