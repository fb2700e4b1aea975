package org.vigil.protocol.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.vigil.protocol.pki.BouncyCastle;
import org.vigil.protocol.pki.Credential;

/**
 * Signs documents as CMS SignedData (RFC 5652), DER-encoded.
 *
 * <p>
 * The content is encapsulated (attached) as id-data. There is one SignerInfo, identified
 * by issuer and serial number, with the signed attributes content-type, message-digest,
 * signing-time (the injected clock's instant) and the CMS-algorithm-protection attribute
 * (RFC 6211) that Bouncy Castle adds. The algorithm follows the key: ECDSA-with-SHA256
 * for P-256, ECDSA-with-SHA384 for P-384, pure Ed25519 with a SHA-512 message digest for
 * Ed25519 (RFC 8419). Other keys are refused. The SignedData carries the chain given,
 * minus self-signed certificates (the root, which relying parties have as their trust
 * anchor).
 *
 * <p>
 * Thread-safe.
 */
public final class CmsSigner {

	private final PrivateKey key;

	private final X509Certificate certificate;

	private final List<X509Certificate> carried;

	private final AlgorithmPolicy.SignatureAlgorithm algorithm;

	private final Clock clock;

	/**
	 * @param key the signer's private key
	 * @param chain the signer's certificate first, then its issuers (the root may be
	 * included; it is left out of the document)
	 * @param clock where the signing time comes from
	 * @throws IllegalArgumentException if the key is not P-256, P-384 or Ed25519, or does
	 * not belong to the certificate
	 */
	public CmsSigner(PrivateKey key, List<X509Certificate> chain, Clock clock) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(chain, "chain");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("the chain must hold the signer's certificate");
		}
		this.certificate = chain.get(0);
		this.algorithm = algorithmFor(this.certificate);
		List<X509Certificate> carried = new ArrayList<>();
		carried.add(this.certificate);
		for (X509Certificate issuer : chain.subList(1, chain.size())) {
			if (!issuer.getSubjectX500Principal().equals(issuer.getIssuerX500Principal())) {
				carried.add(issuer);
			}
		}
		this.carried = List.copyOf(carried);
		try {
			this.key = BouncyCastle.toBouncyCastle(key);
			checkPair(this.key, this.certificate, this.algorithm);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("the key does not belong to the certificate", ex);
		}
	}

	public CmsSigner(Credential credential, Clock clock) {
		this(credential.privateKey(), credential.chain(), clock);
	}

	/** The signer's certificate. */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Signs, returning DER-encoded ContentInfo holding SignedData with the content
	 * inside.
	 */
	public byte[] sign(byte[] content) {
		Objects.requireNonNull(content, "content");
		try {
			AttributeTable signingTime = new AttributeTable(
					new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(this.clock.instant())))));
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build())
				.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
				.build(new JcaContentSignerBuilder(this.algorithm.jcaName()).setProvider(BouncyCastle.provider())
					.build(this.key), new X509CertificateHolder(this.certificate.getEncoded())));
			generator.addCertificates(new JcaCertStore(this.carried));
			return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
		}
		catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException ex) {
			throw new IllegalStateException("cannot sign", ex);
		}
	}

	private static AlgorithmPolicy.SignatureAlgorithm algorithmFor(X509Certificate certificate) {
		SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
		return AlgorithmPolicy.strict().key(key).map((kind) -> switch (kind) {
			case EC_P256 -> AlgorithmPolicy.SignatureAlgorithm.ECDSA_SHA256;
			case EC_P384 -> AlgorithmPolicy.SignatureAlgorithm.ECDSA_SHA384;
			case ED25519 -> AlgorithmPolicy.SignatureAlgorithm.ED25519;
		})
			.orElseThrow(() -> new IllegalArgumentException("signing keys are EC P-256, EC P-384 or Ed25519, not "
					+ certificate.getPublicKey().getAlgorithm()));
	}

	private static void checkPair(PrivateKey key, X509Certificate certificate,
			AlgorithmPolicy.SignatureAlgorithm algorithm) throws GeneralSecurityException {
		byte[] probe = "vigil key check".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance(algorithm.jcaName(), BouncyCastle.provider());
		signer.initSign(key);
		signer.update(probe);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance(algorithm.jcaName(), BouncyCastle.provider());
		verifier.initVerify(BouncyCastle.toBouncyCastle(certificate.getPublicKey()));
		verifier.update(probe);
		if (!verifier.verify(signature)) {
			throw new GeneralSecurityException("the key does not match the certificate");
		}
	}

}
