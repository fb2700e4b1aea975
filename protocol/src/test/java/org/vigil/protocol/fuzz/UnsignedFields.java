package org.vigil.protocol.fuzz;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Tells apart the envelope changes that neither the signature nor the certificate covers.
 *
 * <p>
 * {@code CmsVerifier} once accepted a valid envelope in which such bytes were changed,
 * even into something that is not well-formed CMS, so one signed request had many
 * accepted encodings (the verified content, signer and signing time stayed the
 * original's; the envelope's bytes, and any hash of them, did not). Seen from the fuzzer:
 * any SignedData version (e.g. 0x2e3b); any digestAlgorithms SET (empty, MD5, elements
 * that are not AlgorithmIdentifiers); any SignerInfo version (e.g. a 103-byte negative
 * INTEGER); a sid with extra elements; the signed attributes under another tag ([1]
 * instead of [0]); junk elements in the certificates SET; an extra SET before
 * signerInfos; signerInfos before the certificates; NULL parameters added to the
 * SignerInfo's ecdsa-with-SHA256; and, in the signer's certificate, NULL parameters added
 * to the outer signatureAlgorithm (outside the CA's signature, so the verified
 * {@code signerCertificate} had another encoding and fingerprint than the one the CA
 * issued). Fixed: the verifier now accepts only the one canonical envelope form that
 * {@code CmsSigner} makes. The fuzz tests fail on any acceptance of a changed envelope,
 * and name the unsigned fields changed when only those were;
 * {@link EnvelopeMalleabilityTest} and the {@code cms-unsigned-*} inputs of
 * {@link RegressionReplayTest} hold precise reproductions.
 */
final class UnsignedFields {

	private static final String[] SIGNED_DATA = { "SignedData.version", "SignedData.digestAlgorithms",
			"SignedData.encapContentInfo" };

	private static final String[] SIGNER_INFO = { "SignerInfo.version", "SignerInfo.sid", "SignerInfo.digestAlgorithm",
			"SignerInfo.signedAttrs" };

	private UnsignedFields() {
	}

	/**
	 * Where two envelopes with one signer differ, if only outside what is signed: the
	 * content, the signed attributes (as signed: a SET), the digest and signature
	 * algorithms and the signature value are the same. Null if they differ there (or do
	 * not read as CMS SignedData with one signer).
	 */
	static Set<String> differences(byte[] changed, byte[] original) {
		try {
			CMSSignedData a = new CMSSignedData(changed);
			CMSSignedData b = new CMSSignedData(original);
			if (a.getSignerInfos().size() != 1 || b.getSignerInfos().size() != 1) {
				return null;
			}
			SignerInformation sa = a.getSignerInfos().getSigners().iterator().next();
			SignerInformation sb = b.getSignerInfos().getSigners().iterator().next();
			boolean signedPartsSame = Arrays.equals((byte[]) a.getSignedContent().getContent(),
					(byte[]) b.getSignedContent().getContent())
					&& Arrays.equals(sa.getEncodedSignedAttributes(), sb.getEncodedSignedAttributes())
					&& Arrays.equals(sa.getSignature(), sb.getSignature())
					&& equivalent(sa.getDigestAlgorithmID(), sb.getDigestAlgorithmID())
					&& equivalent(sa.toASN1Structure().getDigestEncryptionAlgorithm(),
							sb.toASN1Structure().getDigestEncryptionAlgorithm());
			if (!signedPartsSame) {
				return null;
			}
			Set<String> differences = new TreeSet<>();
			ASN1Sequence da = signedData(changed);
			ASN1Sequence db = signedData(original);
			compare(da, db, SIGNED_DATA, "SignedData", differences);
			compare(signerInfo(da), signerInfo(db), SIGNER_INFO, "SignerInfo", differences);
			return differences;
		}
		catch (CMSException | IOException | RuntimeException ex) {
			return null;
		}
	}

	private static ASN1Sequence signedData(byte[] envelope) throws IOException {
		ASN1Sequence contentInfo = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(envelope));
		return ASN1Sequence.getInstance(ASN1TaggedObject.getInstance(contentInfo.getObjectAt(1)).getBaseObject());
	}

	/** The SignerInfo in the last SET of SignedData, as Bouncy Castle finds it. */
	private static ASN1Sequence signerInfo(ASN1Sequence signedData) {
		ASN1Set signerInfos = null;
		for (int i = 3; i < signedData.size(); i++) {
			if (signedData.getObjectAt(i) instanceof ASN1Set set) {
				signerInfos = set;
			}
		}
		return ASN1Sequence.getInstance(signerInfos.getObjectAt(0));
	}

	/**
	 * The same algorithm, with the same parameters, absent parameters and NULL taken as
	 * the same (as Bouncy Castle takes them).
	 */
	private static boolean equivalent(AlgorithmIdentifier a, AlgorithmIdentifier b) {
		return a.getAlgorithm().equals(b.getAlgorithm()) && Objects.equals(parameters(a), parameters(b));
	}

	private static ASN1Encodable parameters(AlgorithmIdentifier algorithm) {
		ASN1Encodable parameters = algorithm.getParameters();
		return (parameters == null || DERNull.INSTANCE.equals(parameters)) ? null : parameters.toASN1Primitive();
	}

	/** Names the elements that differ, by position, or says that the count differs. */
	private static void compare(ASN1Sequence a, ASN1Sequence b, String[] names, String what, Set<String> into)
			throws IOException {
		if (a.size() != b.size()) {
			into.add(what + " has " + a.size() + " elements, not " + b.size());
			return;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!same(a.getObjectAt(i), b.getObjectAt(i))) {
				into.add((i < names.length) ? names[i] : what + " element " + i);
			}
		}
	}

	private static boolean same(ASN1Encodable a, ASN1Encodable b) throws IOException {
		return Arrays.equals(a.toASN1Primitive().getEncoded(ASN1Encoding.DER),
				b.toASN1Primitive().getEncoded(ASN1Encoding.DER));
	}

}
