package org.vigil.notifier.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC
 * 8188): ECDH on P-256 between a fresh key pair and the browser's key, HKDF-SHA256 with
 * the subscription's authentication secret, AES-128-GCM, one record of at most 4096
 * bytes. JCA only.
 */
public final class PayloadEncryption {

	/** The record size the header announces; a payload must fit one record. */
	public static final int RECORD_SIZE = 4096;

	/** The most plaintext one record holds: the size less the tag and the delimiter. */
	public static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private PayloadEncryption() {
	}

	/**
	 * Encrypts for a subscription, with a fresh key pair and salt.
	 * @param plaintext at most {@link #MAX_PLAINTEXT} bytes
	 * @param uaPublic the subscription's {@code p256dh}, uncompressed
	 * @param authSecret the subscription's {@code auth}
	 * @return the request body: the header (salt, record size, the sender's public key)
	 * and the one record
	 */
	public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return encrypt(plaintext, uaPublic, authSecret, EcKeys.generate(), salt);
	}

	/** With a given key pair and salt: for the test against RFC 8291's example. */
	static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair asKeys, byte[] salt) {
		if (plaintext.length > MAX_PLAINTEXT) {
			throw new IllegalArgumentException("a push payload holds at most " + MAX_PLAINTEXT + " bytes");
		}
		if (authSecret.length != 16 || salt.length != 16) {
			throw new IllegalArgumentException("the authentication secret and the salt are 16 bytes");
		}
		try {
			ECPublicKey uaKey = EcKeys.publicKey(uaPublic);
			byte[] asPublic = EcKeys.uncompressed((ECPublicKey) asKeys.getPublic());
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init((ECPrivateKey) asKeys.getPrivate());
			agreement.doPhase(uaKey, true);
			byte[] ecdhSecret = agreement.generateSecret();
			// RFC 8291 section 3.4: key_info = "WebPush: info" 0x00 ua_public as_public
			byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
			byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
			byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
			byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			// The last (only) record ends with the delimiter 0x02 and no padding.
			byte[] record = cipher.doFinal(concat(plaintext, new byte[] { 2 }));
			ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + record.length);
			body.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(record);
			return body.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Web Push encryption failed", ex);
		}
	}

	/** HKDF-SHA256 (RFC 5869), at most 32 bytes of output. */
	static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		mac.update(info);
		mac.update((byte) 1);
		byte[] okm = mac.doFinal();
		byte[] out = new byte[length];
		System.arraycopy(okm, 0, out, 0, length);
		return out;
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		ByteBuffer out = ByteBuffer.allocate(length);
		for (byte[] part : parts) {
			out.put(part);
		}
		return out.array();
	}

}
