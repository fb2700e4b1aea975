package org.vigil.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.TreeHash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CheckpointTest {

	// The example key and note of the signed-note reference implementation
	// (golang.org/x/mod/sumdb/note), which the C2SP spec grew from.
	private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

	/**
	 * The seed in its private key PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALV…, after
	 * 0x01.
	 */
	private static final String PETER_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

	private static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
			+ "then you don't know what your problem is.\n";

	private static final String PETER_NOTE = PETER_TEXT + "\n"
			+ "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Test
	void verifierKeyOfTheReferenceExampleParsesAndItsKeyHashIsRecomputed() {
		VerifierKey key = VerifierKey.parse(PETER_VKEY);
		assertThat(key.name()).isEqualTo("PeterNeumann");
		assertThat(VerifierKey.hex(key.keyHash())).isEqualTo("c74f20a3");
		assertThat(key.encoded()).isEqualTo(PETER_VKEY);
		assertThat(VerifierKey.of("PeterNeumann", key.publicKey())).isEqualTo(key);
	}

	@Test
	void signingReproducesTheReferenceSignatureByteForByte() {
		byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(PETER_SEED), 1, 33);
		NoteSigner signer = NoteSigner.fromSeed("PeterNeumann", seed);
		assertThat(signer.verifierKey().encoded()).isEqualTo(PETER_VKEY);
		// Ed25519 is deterministic (RFC 8032), so the note is exactly the published one.
		assertThat(signer.sign(PETER_TEXT)).isEqualTo(PETER_NOTE);
		assertThat(SignedNote.open(PETER_NOTE, VerifierKey.parse(PETER_VKEY))).isEqualTo(PETER_TEXT);
	}

	@Test
	void refusesManglingsOfTheReferenceVerifierKey() {
		for (String bad : List.of("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX",
				"PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "PeterNeumann+c74f20a3",
				"+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
				"Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")) {
			assertThatExceptionOfType(NoteRejected.class).as(bad).isThrownBy(() -> VerifierKey.parse(bad));
		}
	}

	@Test
	void refusesAnAlteredTextOrSignatureAndANoteWithoutTheKnownKey() {
		VerifierKey key = VerifierKey.parse(PETER_VKEY);
		assertThatExceptionOfType(NoteRejected.class)
			.isThrownBy(() -> SignedNote.open(PETER_NOTE.replace("cryptography", "cryptographY"), key))
			.withMessageContaining("does not verify");
		assertThatExceptionOfType(NoteRejected.class)
			.isThrownBy(() -> SignedNote.open(PETER_NOTE.replace("x08go/", "x08go+"), key));
		VerifierKey other = NoteSigner.generate("PeterNeumann", RANDOM).verifierKey();
		assertThatExceptionOfType(NoteRejected.class).isThrownBy(() -> SignedNote.open(PETER_NOTE, other))
			.withMessageContaining("no signature by PeterNeumann");
		assertThatExceptionOfType(NoteRejected.class).isThrownBy(() -> SignedNote.open(PETER_TEXT, key));
	}

	@Test
	void ignoresSignaturesOfUnknownKeysSuchAsACosigner() {
		NoteSigner log = NoteSigner.generate("log.example/audit", RANDOM);
		NoteSigner witness = NoteSigner.generate("witness.example", RANDOM);
		String text = new Checkpoint("log.example/audit", 3, TreeHash.empty()).body();
		String cosigned = log.sign(text) + witness.sign(text).substring(text.length() + 1);
		assertThat(SignedNote.open(cosigned, log.verifierKey())).isEqualTo(text);
		assertThat(SignedNote.open(cosigned, witness.verifierKey())).isEqualTo(text);
	}

	@Test
	void checkpointBodyIsOriginSizeAndBase64Root() {
		Hash root = Hash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
		Checkpoint checkpoint = new Checkpoint("vigil.example.org/audit", 8, root);
		assertThat(checkpoint.body())
			.isEqualTo("vigil.example.org/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
		assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
		Checkpoint extended = new Checkpoint("vigil.example.org/audit", 8, root, List.of("time 1700000000"));
		assertThat(Checkpoint.parse(extended.body())).isEqualTo(extended);
	}

	@Test
	void signedCheckpointOpensWithTheLogKeyOnly() {
		NoteSigner log = NoteSigner.generate("vigil.example.org/audit", RANDOM);
		Checkpoint checkpoint = new Checkpoint("vigil.example.org/audit", 8, TreeHash.leaf(new byte[0]));
		String note = checkpoint.sign(log);
		assertThat(Checkpoint.open(note, log.verifierKey())).isEqualTo(checkpoint);
		assertThatExceptionOfType(NoteRejected.class)
			.isThrownBy(() -> Checkpoint.open(note.replace("\n8\n", "\n9\n"), log.verifierKey()));
		NoteSigner otherLog = NoteSigner.generate("other.example/audit", RANDOM);
		assertThatExceptionOfType(NoteRejected.class).isThrownBy(() -> checkpoint.sign(otherLog));
		assertThatExceptionOfType(NoteRejected.class).isThrownBy(() -> Checkpoint.open(note, otherLog.verifierKey()));
	}

	@Test
	void refusesMalformedCheckpointBodies() {
		String root = TreeHash.empty().base64();
		for (String bad : List.of("log\n8\n", "log\n08\n" + root + "\n", "log\n-1\n" + root + "\n", "log\n8\n" + root,
				"log\n8\n" + root + "\n\n", "\n8\n" + root + "\n", "log\n8\nAAAA\n",
				"log\n99999999999999999999\n" + root + "\n")) {
			assertThatExceptionOfType(NoteRejected.class).as(bad).isThrownBy(() -> Checkpoint.parse(bad));
		}
	}

	@Test
	void privateKeyRoundTripsThroughPkcs8PemThatTheJdkReadsToo() throws Exception {
		NoteSigner signer = NoteSigner.generate("vigil.example.org/audit", RANDOM);
		String pem = signer.toPem();
		NoteSigner read = NoteSigner.fromPem("vigil.example.org/audit", pem);
		assertThat(read.verifierKey()).isEqualTo(signer.verifierKey());
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").strip());
		Signature jdk = Signature.getInstance("Ed25519");
		jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
		byte[] message = "hello\n".getBytes(StandardCharsets.UTF_8);
		jdk.update(message);
		assertThat(signer.verifierKey().verifies(message, jdk.sign())).isTrue();
		assertThatExceptionOfType(NoteRejected.class)
			.isThrownBy(() -> NoteSigner.fromPem("x", pem.replace("MC4C", "MC4D")));
	}

}
