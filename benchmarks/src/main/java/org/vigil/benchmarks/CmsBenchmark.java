package org.vigil.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.SigningKeyType;
import org.vigil.protocol.signing.CmsSigner;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.VerifiedContent;

/**
 * The whole envelope, as the services use it: {@link CmsSigner#sign} (signed attributes,
 * SignedData, DER) and {@link CmsVerifier#verify} (strict parsing, algorithm policy,
 * signature, PKIX path to the network CA, validity, the CA's CRL, key usage, party), over
 * a canonical request of about 2 KiB. Both use Bouncy Castle for the signature, as the
 * protocol does; PKIX and X.509 parsing are the JDK's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CmsBenchmark {

	/** The signer's key: ECDSA P-256 or Ed25519; the CA is P-256 either way. */
	@Param({ "P256", "Ed25519" })
	public String algorithm;

	private byte[] request;

	private CmsSigner signer;

	private CmsVerifier verifier;

	private byte[] envelope;

	@Setup
	public void setUp() {
		DevPki pki = Fixtures.pki("P256".equals(this.algorithm) ? SigningKeyType.EC_P256 : SigningKeyType.ED25519);
		this.request = Fixtures.canonicalRequest();
		this.signer = new CmsSigner(Fixtures.signing(pki), Fixtures.CLOCK);
		this.verifier = Fixtures.verifier(pki);
		this.envelope = sign();
		verify();
	}

	@Benchmark
	public byte[] sign() {
		return this.signer.sign(this.request);
	}

	@Benchmark
	public VerifiedContent verify() {
		return this.verifier.verify(this.envelope);
	}

}
