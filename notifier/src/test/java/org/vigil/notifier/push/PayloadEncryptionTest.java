package org.vigil.notifier.push;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadEncryptionTest {

	// RFC 8291 section 5, "Push Message Encryption Example".
	private static final String PLAINTEXT = "V2hlbiBJIGdyb3cgdXAsIEkgd2FudCB0byBiZSBhIHdhdGVybWVsb24";

	private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";

	private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";

	private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";

	private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

	private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";

	private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

	private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

	@Test
	void reproducesTheExampleOfRfc8291() {
		KeyPair asKeys = new KeyPair(EcKeys.publicKey(EcKeys.decode(AS_PUBLIC)),
				EcKeys.privateKey(EcKeys.decode(AS_PRIVATE)));

		byte[] body = PayloadEncryption.encrypt(EcKeys.decode(PLAINTEXT), EcKeys.decode(UA_PUBLIC), EcKeys.decode(AUTH),
				asKeys, EcKeys.decode(SALT));

		assertThat(EcKeys.encode(body)).isEqualTo(BODY);
	}

	@Test
	void theSubscriberDecryptsWhatIsEncryptedWithAFreshKeyAndSalt() throws Exception {
		KeyPair browser = EcKeys.generate();
		byte[] auth = new byte[16];
		Arrays.fill(auth, (byte) 7);
		byte[] ua = EcKeys.uncompressed((ECPublicKey) browser.getPublic());

		byte[] body = PayloadEncryption.encrypt("{\"request\":\"r-1\"}".getBytes(StandardCharsets.UTF_8), ua, auth);
		byte[] again = PayloadEncryption.encrypt("{\"request\":\"r-1\"}".getBytes(StandardCharsets.UTF_8), ua, auth);

		assertThat(new String(decrypt(body, (ECPrivateKey) browser.getPrivate(), ua, auth), StandardCharsets.UTF_8))
			.isEqualTo("{\"request\":\"r-1\"}");
		assertThat(Arrays.copyOf(again, 16)).isNotEqualTo(Arrays.copyOf(body, 16));
	}

	@Test
	void refusesAPayloadLargerThanOneRecord() {
		byte[] ua = EcKeys.decode(UA_PUBLIC);
		assertThatThrownBy(
				() -> PayloadEncryption.encrypt(new byte[PayloadEncryption.MAX_PLAINTEXT + 1], ua, new byte[16]))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** The browser's side, written out separately from the sender's. */
	private static byte[] decrypt(byte[] body, ECPrivateKey uaPrivate, byte[] uaPublic, byte[] auth) throws Exception {
		byte[] salt = Arrays.copyOfRange(body, 0, 16);
		int keyLength = body[20];
		byte[] asPublic = Arrays.copyOfRange(body, 21, 21 + keyLength);
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(uaPrivate);
		agreement.doPhase(EcKeys.publicKey(asPublic), true);
		byte[] info = new byte[14 + 65 + 65];
		System.arraycopy("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), 0, info, 0, 14);
		System.arraycopy(uaPublic, 0, info, 14, 65);
		System.arraycopy(asPublic, 0, info, 79, 65);
		byte[] ikm = PayloadEncryption.hkdf(auth, agreement.generateSecret(), info, 32);
		byte[] cek = PayloadEncryption.hkdf(salt, ikm,
				"Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = PayloadEncryption.hkdf(salt, ikm,
				"Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(Arrays.copyOfRange(body, 21 + keyLength, body.length));
		int end = padded.length - 1;
		while (padded[end] == 0) {
			end--;
		}
		assertThat(padded[end]).isEqualTo((byte) 2);
		return Arrays.copyOf(padded, end);
	}

}
