package org.vigil.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigil.protocol.pki.BouncyCastle;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.SigningKeyType;

/**
 * The raw signature primitive over a canonical request of about 2 KiB: one
 * {@link Signature#update} and one {@code sign()} or {@code verify()}, with the provider
 * named explicitly, Bouncy Castle ({@link BouncyCastle#provider()}, unregistered, as the
 * protocol uses it) or the JDK's SunEC.
 *
 * <p>
 * {@code sign} and {@code verify} use {@code Signature} objects made and initialised
 * once, outside the measurement, with one key object throughout (Bouncy Castle keeps
 * per-key precomputations on it). {@code verifyNewKey} is what a verifier of documents
 * from many senders does for each one: decode the public key from its X.509
 * SubjectPublicKeyInfo with the provider's KeyFactory, then initialise and verify.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

	/** ECDSA P-256 with SHA-256, or pure Ed25519. */
	@Param({ "P256", "Ed25519" })
	public String algorithm;

	/** BC: Bouncy Castle; SunEC: the JDK's provider. */
	@Param({ "BC", "SunEC" })
	public String provider;

	private byte[] message;

	private Signature signer;

	private Signature verifier;

	private byte[] signature;

	private Signature freshVerifier;

	private KeyFactory keys;

	private byte[] encodedPublicKey;

	@Setup
	public void setUp() throws GeneralSecurityException {
		SigningKeyType keyType = "P256".equals(this.algorithm) ? SigningKeyType.EC_P256 : SigningKeyType.ED25519;
		String name = (keyType == SigningKeyType.EC_P256) ? "SHA256withECDSA" : "Ed25519";
		DevPki pki = Fixtures.pki(keyType);
		Credential credential = Fixtures.signing(pki);
		PrivateKey privateKey = credential.privateKey();
		PublicKey publicKey = credential.certificate().getPublicKey();
		this.message = Fixtures.canonicalRequest();
		if ("BC".equals(this.provider)) {
			this.signer = Signature.getInstance(name, BouncyCastle.provider());
			this.verifier = Signature.getInstance(name, BouncyCastle.provider());
			privateKey = BouncyCastle.toBouncyCastle(privateKey);
			publicKey = BouncyCastle.toBouncyCastle(publicKey);
		}
		else {
			this.signer = Signature.getInstance(name, "SunEC");
			this.verifier = Signature.getInstance(name, "SunEC");
		}
		this.keys = "BC".equals(this.provider)
				? KeyFactory.getInstance(publicKey.getAlgorithm(), BouncyCastle.provider())
				: KeyFactory.getInstance(publicKey.getAlgorithm(), "SunEC");
		this.freshVerifier = "BC".equals(this.provider) ? Signature.getInstance(name, BouncyCastle.provider())
				: Signature.getInstance(name, "SunEC");
		this.encodedPublicKey = publicKey.getEncoded();
		this.signer.initSign(privateKey);
		this.verifier.initVerify(publicKey);
		this.signature = sign();
		if (!verify() || !verifyNewKey()) {
			throw new IllegalStateException(this.provider + " does not verify its own " + name + " signature");
		}
	}

	@Benchmark
	public byte[] sign() throws GeneralSecurityException {
		this.signer.update(this.message);
		return this.signer.sign();
	}

	@Benchmark
	public boolean verify() throws GeneralSecurityException {
		this.verifier.update(this.message);
		return this.verifier.verify(this.signature);
	}

	@Benchmark
	public boolean verifyNewKey() throws GeneralSecurityException {
		this.freshVerifier.initVerify(this.keys.generatePublic(new X509EncodedKeySpec(this.encodedPublicKey)));
		this.freshVerifier.update(this.message);
		return this.freshVerifier.verify(this.signature);
	}

}
