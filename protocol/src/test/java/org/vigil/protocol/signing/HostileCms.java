package org.vigil.protocol.signing;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.vigil.protocol.pki.BouncyCastle;
import org.vigil.protocol.pki.Credential;

/**
 * CMS documents that {@link CmsSigner} would never make, built with Bouncy Castle
 * directly.
 */
final class HostileCms {

	private HostileCms() {
	}

	/**
	 * Signed with any algorithm, by one or more signers, with or without certificates.
	 */
	static CMSSignedData sign(byte[] content, boolean encapsulate, boolean withCertificates, String algorithm,
			Credential... signers) throws Exception {
		return sign(content, encapsulate, withCertificates, algorithm, null, signers);
	}

	/** As above, with a CMS digest algorithm of the caller's choice (null: the usual). */
	static CMSSignedData sign(byte[] content, boolean encapsulate, boolean withCertificates, String algorithm,
			AlgorithmIdentifier digest, Credential... signers) throws Exception {
		CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
		for (Credential signer : signers) {
			JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build());
			if (digest != null) {
				builder.setContentDigest(digest);
			}
			generator.addSignerInfoGenerator(builder.build(
					new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.provider())
						.build(BouncyCastle.toBouncyCastle(signer.privateKey())),
					new X509CertificateHolder(signer.certificate().getEncoded())));
			if (withCertificates) {
				generator.addCertificates(new JcaCertStore(signer.chain()));
			}
		}
		return generator.generate(new CMSProcessableByteArray(content), encapsulate);
	}

	static byte[] der(CMSSignedData signed) throws Exception {
		return signed.getEncoded(ASN1Encoding.DER);
	}

	/** The same document with one bit of the last byte of the signature value flipped. */
	static byte[] flipSignatureByte(byte[] cms) throws Exception {
		SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
		byte[] signature = signer.getSignature();
		int at = lastIndexOf(cms, signature);
		byte[] copy = cms.clone();
		copy[at + signature.length - 1] ^= 0x01;
		return copy;
	}

	/** The same document with one bit of a byte in the middle of the content flipped. */
	static byte[] flipContentByte(byte[] cms, byte[] content) {
		int at = lastIndexOf(cms, content);
		byte[] copy = cms.clone();
		copy[at + content.length / 2] ^= 0x01;
		return copy;
	}

	static int lastIndexOf(byte[] haystack, byte[] needle) {
		for (int i = haystack.length - needle.length; i >= 0; i--) {
			boolean found = true;
			for (int j = 0; j < needle.length && found; j++) {
				found = haystack[i + j] == needle[j];
			}
			if (found) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

}
