package org.vigil.protocol.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.vigil.protocol.pki.BouncyCastle;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.UnknownPartyException;
import org.vigil.protocol.pki.VigilOids;
import org.vigil.protocol.signing.SignatureRejected.Reason;

/**
 * Verifies CMS SignedData documents of the network, strictly, and hands back the exact
 * content bytes. Never deserializes the content.
 *
 * <p>
 * The checks run in this order, and the first to fail decides the {@link Reason}:
 * <ol>
 * <li>{@link Reason#MALFORMED}: the size guard (before any parsing), then the structure:
 * one BER/DER value with no trailing bytes, whose DER re-encoding is byte-for-byte the
 * input (so BER, indefinite lengths and unsorted sets are refused); a ContentInfo of type
 * signed-data; encapsulated content of type id-data, present and not empty; exactly one
 * SignerInfo; exactly one certificate in the SignedData matching its signer identifier,
 * and every certificate parseable, re-encoding as itself, with its outer
 * signatureAlgorithm equal to its TBSCertificate's signature field; the canonical form:
 * the input must be byte for byte the envelope {@link CmsSigner} makes, rebuilt from the
 * parsed pieces (SignedData and SignerInfo version 1; digestAlgorithms holding exactly
 * the SignerInfo's digest algorithm; no CRLs; a signer identifier of the signer
 * certificate's exact issuer Name and serial; signed attributes under [0]; no unsigned
 * attributes; parameters absent from the ECDSA, Ed25519 and SHA-2 algorithm identifiers),
 * so that the parts no signature covers have one accepted encoding; signed attributes
 * present with exactly one content-type (equal to the encapsulated type), one
 * message-digest and one signing-time.</li>
 * <li>{@link Reason#WEAK_ALGORITHM}: the {@link AlgorithmPolicy} on the signature and
 * digest algorithms of the SignerInfo (and their pairing), the signer's key, and the
 * signature algorithm and key of every carried certificate on the signer's chain.</li>
 * <li>{@link Reason#BAD_SIGNATURE}: message digest and signature, with the signer
 * certificate's key.</li>
 * <li>{@link Reason#UNTRUSTED_CHAIN}: the JDK's PKIX validator from the carried chain to
 * the trust anchors, with revocation disabled and the validation date clamped into the
 * window where every certificate of the chain is valid, so that this step is about trust
 * only and time is reported by the next.</li>
 * <li>{@link Reason#CERTIFICATE_EXPIRED} / {@link Reason#CERTIFICATE_NOT_YET_VALID}: each
 * certificate of the path and the anchor, at the clock's instant.</li>
 * <li>{@link Reason#REVOKED} / {@link Reason#REVOCATION_UNKNOWN}: each certificate of the
 * path against its issuer's CRL from the supplier, hard-fail.</li>
 * <li>{@link Reason#WRONG_KEY_USAGE}: the signer certificate must have keyUsage
 * digitalSignature and no keyCertSign/cRLSign, must not be a CA or a trust anchor, and
 * must have the extended key usage {@link VigilOids#KP_DOCUMENT_SIGNING} and no TLS or
 * any-purpose usage.</li>
 * <li>{@link Reason#UNKNOWN_PARTY}: the signer certificate names exactly one party
 * ({@link PartyIdentity#of}).</li>
 * </ol>
 *
 * <p>
 * The signing-time attribute is returned as the signer's claim; it is not compared with
 * the certificate's validity (the clock's instant is what counts). Immutable and
 * thread-safe as long as the CRL supplier is.
 */
public final class CmsVerifier {

	/** Default size limit of a CMS document: 1 MiB. */
	public static final int DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;

	/** How far in the future a CRL's thisUpdate may be, for clock skew with the CA. */
	static final Duration CRL_CLOCK_SKEW = Duration.ofMinutes(5);

	private static final int MAX_CHAIN_LENGTH = 8;

	private final List<X509Certificate> anchors;

	private final Set<TrustAnchor> trustAnchors;

	private final Supplier<? extends Collection<X509CRL>> crls;

	private final Clock clock;

	private final AlgorithmPolicy policy;

	private final int maxInputBytes;

	private CmsVerifier(Builder builder) {
		if (builder.anchors.isEmpty()) {
			throw new IllegalStateException("a verifier needs a trust anchor");
		}
		this.anchors = List.copyOf(builder.anchors);
		Set<TrustAnchor> trustAnchors = new LinkedHashSet<>();
		for (X509Certificate anchor : this.anchors) {
			trustAnchors.add(new TrustAnchor(anchor, null));
		}
		this.trustAnchors = Set.copyOf(trustAnchors);
		this.crls = Objects.requireNonNull(builder.crls, "a verifier needs a CRL supplier");
		this.clock = builder.clock;
		this.policy = builder.policy;
		this.maxInputBytes = builder.maxInputBytes;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Verifies a DER-encoded CMS ContentInfo holding SignedData.
	 * @throws SignatureRejected with the first failed check
	 */
	public VerifiedContent verify(byte[] cms) {
		Instant now = this.clock.instant();
		Parsed parsed = parse(cms);
		checkAlgorithms(parsed);
		checkSignature(parsed);
		boolean signerIsAnchor = this.anchors.contains(parsed.signerCertificate());
		X509Certificate anchor = signerIsAnchor ? parsed.signerCertificate() : checkChain(parsed.chain(), now);
		checkValidity(parsed.chain(), anchor, now);
		checkRevocation(parsed.chain(), anchor, now);
		checkKeyUsage(parsed.signerCertificate(), signerIsAnchor);
		PartyIdentity signer;
		try {
			signer = PartyIdentity.of(parsed.signerCertificate());
		}
		catch (UnknownPartyException ex) {
			throw new SignatureRejected(Reason.UNKNOWN_PARTY, ex.getMessage(), ex);
		}
		return new VerifiedContent(parsed.content(), parsed.signerCertificate(), signer, parsed.signingTime(),
				sha256(parsed.content()));
	}

	// ------------------------------------------------------------------ MALFORMED

	private Parsed parse(byte[] cms) {
		if (cms == null || cms.length == 0) {
			throw malformed("empty input");
		}
		if (cms.length > this.maxInputBytes) {
			throw malformed(cms.length + " bytes, more than the limit of " + this.maxInputBytes);
		}
		try {
			ASN1Primitive value = ASN1Primitive.fromByteArray(cms);
			if (!Arrays.equals(value.getEncoded(ASN1Encoding.DER), cms)) {
				throw malformed("not DER");
			}
			ContentInfo contentInfo = ContentInfo.getInstance(value);
			if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
				throw malformed("not SignedData but " + contentInfo.getContentType());
			}
			SignedData signedData = SignedData.getInstance(contentInfo.getContent());
			ContentInfo encapsulated = signedData.getEncapContentInfo();
			if (!CMSObjectIdentifiers.data.equals(encapsulated.getContentType())) {
				throw malformed("the encapsulated content is not id-data");
			}
			if (!(encapsulated.getContent() instanceof ASN1OctetString octets)) {
				throw malformed("no encapsulated content");
			}
			byte[] content = octets.getOctets();
			if (content.length == 0) {
				throw malformed("empty encapsulated content");
			}
			CMSSignedData signed = new CMSSignedData(contentInfo);
			Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				throw malformed(signers.size() + " signers, not one");
			}
			SignerInformation signer = signers.iterator().next();
			List<X509Certificate> certificates = new ArrayList<>();
			X509Certificate signerCertificate = null;
			int matches = 0;
			for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
				X509Certificate certificate = Pem.parseCertificate(holder.getEncoded());
				certificates.add(certificate);
				if (signer.getSID().match(holder)) {
					signerCertificate = certificate;
					matches++;
				}
			}
			if (matches != 1) {
				throw malformed((matches == 0) ? "no signer certificate" : "several signer certificates");
			}
			checkCanonical(cms, signedData, signer, signerCertificate, content);
			Instant signingTime = checkSignedAttributes(signer, encapsulated.getContentType());
			return new Parsed(content, signer, signerCertificate, chain(signerCertificate, certificates), signingTime);
		}
		catch (SignatureRejected ex) {
			throw ex;
		}
		catch (IOException | CMSException | CertificateException | RuntimeException | StackOverflowError ex) {
			throw new SignatureRejected(Reason.MALFORMED, "not a CMS SignedData document: " + ex, ex);
		}
	}

	/**
	 * The one envelope shape {@link CmsSigner} makes, rebuilt from the parsed pieces,
	 * must be byte for byte the input: what no signature covers (versions,
	 * digestAlgorithms, the signer identifier, tags, the certificates SET, the order of
	 * the fields, the parameters of the algorithm identifiers) then has a single accepted
	 * encoding. Each carried certificate must also be what the JDK reads back, with its
	 * outer signatureAlgorithm equal to the signature field of its TBSCertificate (RFC
	 * 5280).
	 */
	private static void checkCanonical(byte[] cms, SignedData signedData, SignerInformation signer,
			X509Certificate signerCertificate, byte[] content) throws IOException, CertificateException {
		ASN1Set carried = signedData.getCertificates();
		if (carried == null || signedData.getCRLs() != null) {
			throw malformed("not the canonical envelope form: certificates missing or CRLs present");
		}
		ASN1EncodableVector certificates = new ASN1EncodableVector();
		for (ASN1Encodable element : carried) {
			byte[] encoded = element.toASN1Primitive().getEncoded(ASN1Encoding.DER);
			if (!Arrays.equals(Pem.parseCertificate(encoded).getEncoded(), encoded)) {
				throw malformed("a certificate does not re-encode as itself");
			}
			Certificate certificate = Certificate.getInstance(element);
			if (!Arrays.equals(certificate.getSignatureAlgorithm().getEncoded(ASN1Encoding.DER),
					certificate.getTBSCertificate().getSignature().getEncoded(ASN1Encoding.DER))) {
				throw malformed("a certificate's signatureAlgorithm differs from its TBSCertificate's signature");
			}
			certificates.add(certificate);
		}
		SignerInfo info = signer.toASN1Structure();
		ASN1Set signedAttributes = info.getAuthenticatedAttributes();
		if (signedAttributes == null) {
			throw malformed("no signed attributes");
		}
		AlgorithmIdentifier digest = canonical(info.getDigestAlgorithm());
		ASN1Primitive issuer = ASN1Primitive.fromByteArray(signerCertificate.getIssuerX500Principal().getEncoded());
		ASN1EncodableVector signerInfo = new ASN1EncodableVector();
		signerInfo.add(new ASN1Integer(1));
		signerInfo
			.add(new DERSequence(new ASN1Encodable[] { issuer, new ASN1Integer(signerCertificate.getSerialNumber()) }));
		signerInfo.add(digest);
		signerInfo.add(new DERTaggedObject(false, 0, signedAttributes));
		signerInfo.add(canonical(info.getDigestEncryptionAlgorithm()));
		signerInfo.add(new DEROctetString(info.getEncryptedDigest().getOctets()));
		ASN1EncodableVector rebuilt = new ASN1EncodableVector();
		rebuilt.add(new ASN1Integer(1));
		rebuilt.add(new DERSet(digest));
		rebuilt.add(new DERSequence(new ASN1Encodable[] { CMSObjectIdentifiers.data,
				new DERTaggedObject(true, 0, new DEROctetString(content)) }));
		rebuilt.add(new DERTaggedObject(false, 0, new DERSet(certificates)));
		rebuilt.add(new DERSet(new DERSequence(signerInfo)));
		byte[] expected = new DERSequence(new ASN1Encodable[] { CMSObjectIdentifiers.signedData,
				new DERTaggedObject(true, 0, new DERSequence(rebuilt)) })
			.getEncoded(ASN1Encoding.DER);
		if (!Arrays.equals(expected, cms)) {
			throw malformed("not the canonical envelope form");
		}
	}

	/**
	 * An algorithm identifier as {@link CmsSigner} writes it: without parameters for the
	 * algorithms the policy can know (ECDSA, Ed25519 and their SHA-2 digests, RFC 5758,
	 * RFC 8410, RFC 5754); others are left as they are, to be refused as weak.
	 */
	private static AlgorithmIdentifier canonical(AlgorithmIdentifier algorithm) {
		ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
		for (AlgorithmPolicy.SignatureAlgorithm known : AlgorithmPolicy.SignatureAlgorithm.values()) {
			if (known.oid().equals(oid) || known.cmsDigest().equals(oid)) {
				return new AlgorithmIdentifier(oid);
			}
		}
		return algorithm;
	}

	private static Instant checkSignedAttributes(SignerInformation signer, ASN1ObjectIdentifier contentType) {
		AttributeTable attributes = signer.getSignedAttributes();
		if (attributes == null) {
			throw malformed("no signed attributes");
		}
		ASN1Encodable type = single(attributes, CMSAttributes.contentType, "content-type");
		if (!contentType.equals(type)) {
			throw malformed("the content-type attribute is not the encapsulated content type");
		}
		if (!(single(attributes, CMSAttributes.messageDigest, "message-digest") instanceof ASN1OctetString)) {
			throw malformed("the message-digest attribute is not an OCTET STRING");
		}
		return Time.getInstance(single(attributes, CMSAttributes.signingTime, "signing-time")).getDate().toInstant();
	}

	private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier type, String name) {
		if (attributes.getAll(type).size() != 1) {
			throw malformed("not exactly one " + name + " attribute");
		}
		Attribute attribute = attributes.get(type);
		if (attribute.getAttrValues().size() != 1) {
			throw malformed("not exactly one " + name + " value");
		}
		return attribute.getAttrValues().getObjectAt(0);
	}

	/**
	 * The signer's certificate and its issuers among the carried certificates, up to but
	 * not including a trust anchor.
	 */
	private List<X509Certificate> chain(X509Certificate signer, List<X509Certificate> carried) {
		List<X509Certificate> chain = new ArrayList<>();
		X509Certificate current = signer;
		while (current != null && !this.anchors.contains(current) && !chain.contains(current)
				&& chain.size() < MAX_CHAIN_LENGTH) {
			chain.add(current);
			if (current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
				break;
			}
			current = issuer(current, carried);
		}
		return chain;
	}

	private static X509Certificate issuer(X509Certificate certificate, List<X509Certificate> carried) {
		X509Certificate candidate = null;
		for (X509Certificate other : carried) {
			if (other.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
					&& !other.equals(certificate)) {
				try {
					certificate.verify(other.getPublicKey());
					return other;
				}
				catch (GeneralSecurityException | RuntimeException ex) {
					if (candidate == null) {
						candidate = other;
					}
				}
			}
		}
		return candidate;
	}

	// ------------------------------------------------------------------ WEAK_ALGORITHM

	private void checkAlgorithms(Parsed parsed) {
		SignerInformation signer = parsed.signer();
		AlgorithmIdentifier signatureId = signer.toASN1Structure().getDigestEncryptionAlgorithm();
		AlgorithmPolicy.SignatureAlgorithm signature = this.policy.signature(signatureId.getAlgorithm())
			.orElseThrow(() -> weak("signature algorithm " + signatureId.getAlgorithm()));
		ASN1ObjectIdentifier digest = signer.getDigestAlgorithmID().getAlgorithm();
		if (!signature.cmsDigest().equals(digest)) {
			throw weak("digest algorithm " + digest + " with " + signature);
		}
		AlgorithmPolicy.KeyKind key = keyKind(parsed.signerCertificate());
		if (!AlgorithmPolicy.fits(key, signature)) {
			throw weak("a " + key + " key cannot make " + signature + " signatures");
		}
		for (X509Certificate certificate : parsed.chain()) {
			keyKind(certificate);
			ASN1ObjectIdentifier certificateSignature = new ASN1ObjectIdentifier(certificate.getSigAlgOID());
			if (this.policy.signature(certificateSignature).isEmpty()) {
				throw weak("certificate " + certificate.getSubjectX500Principal() + " is signed with "
						+ certificate.getSigAlgName());
			}
		}
	}

	private AlgorithmPolicy.KeyKind keyKind(X509Certificate certificate) {
		SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
		return this.policy.key(key)
			.orElseThrow(() -> weak("certificate " + certificate.getSubjectX500Principal() + " has a "
					+ certificate.getPublicKey().getAlgorithm() + " key outside the policy"));
	}

	// ------------------------------------------------------------------ BAD_SIGNATURE

	private static void checkSignature(Parsed parsed) {
		boolean verified;
		try {
			PublicKey key = BouncyCastle.toBouncyCastle(parsed.signerCertificate().getPublicKey());
			// Built from the key, not the certificate: Bouncy Castle would otherwise test
			// the signing time against the certificate's validity here, out of order.
			SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder()
				.setProvider(BouncyCastle.provider())
				.build(key);
			verified = parsed.signer().verify(verifier);
		}
		catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException ex) {
			throw new SignatureRejected(Reason.BAD_SIGNATURE, "the signature does not verify: " + ex.getMessage(), ex);
		}
		if (!verified) {
			throw new SignatureRejected(Reason.BAD_SIGNATURE, "the signature does not verify");
		}
	}

	// ------------------------------------------------------------------ UNTRUSTED_CHAIN

	private X509Certificate checkChain(List<X509Certificate> chain, Instant now) {
		Instant from = Instant.MIN;
		Instant to = Instant.MAX;
		for (X509Certificate certificate : chain) {
			Instant notBefore = certificate.getNotBefore().toInstant();
			Instant notAfter = certificate.getNotAfter().toInstant();
			from = notBefore.isAfter(from) ? notBefore : from;
			to = notAfter.isBefore(to) ? notAfter : to;
		}
		if (from.isAfter(to)) {
			throw new SignatureRejected(Reason.UNTRUSTED_CHAIN,
					"the certificates of the chain are never valid at the same time");
		}
		Instant at = now.isBefore(from) ? from : now.isAfter(to) ? to : now;
		try {
			CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
			PKIXParameters parameters = new PKIXParameters(this.trustAnchors);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(at));
			PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
				.validate(path, parameters);
			return result.getTrustAnchor().getTrustedCert();
		}
		catch (CertPathValidatorException ex) {
			throw new SignatureRejected(Reason.UNTRUSTED_CHAIN,
					"no path to the network CA: " + ex.getMessage() + " (" + ex.getReason() + ")", ex);
		}
		catch (CertificateException | InvalidAlgorithmParameterException | java.security.NoSuchAlgorithmException ex) {
			throw new SignatureRejected(Reason.UNTRUSTED_CHAIN, "cannot validate the chain: " + ex.getMessage(), ex);
		}
	}

	// ------------------------------------------------------------------ validity

	private static void checkValidity(List<X509Certificate> chain, X509Certificate anchor, Instant now) {
		List<X509Certificate> all = new ArrayList<>(chain);
		if (!all.contains(anchor)) {
			all.add(anchor);
		}
		Date at = Date.from(now);
		for (X509Certificate certificate : all) {
			try {
				certificate.checkValidity(at);
			}
			catch (CertificateExpiredException ex) {
				throw new SignatureRejected(Reason.CERTIFICATE_EXPIRED,
						certificate.getSubjectX500Principal() + " expired at " + certificate.getNotAfter().toInstant(),
						ex);
			}
			catch (CertificateNotYetValidException ex) {
				throw new SignatureRejected(Reason.CERTIFICATE_NOT_YET_VALID, certificate.getSubjectX500Principal()
						+ " is valid from " + certificate.getNotBefore().toInstant(), ex);
			}
		}
	}

	// ------------------------------------------------------------------ REVOKED

	private void checkRevocation(List<X509Certificate> chain, X509Certificate anchor, Instant now) {
		Collection<X509CRL> crls;
		try {
			crls = this.crls.get();
		}
		catch (RuntimeException ex) {
			throw new SignatureRejected(Reason.REVOCATION_UNKNOWN, "no CRL: " + ex.getMessage(), ex);
		}
		for (int i = 0; i < chain.size(); i++) {
			X509Certificate certificate = chain.get(i);
			X509Certificate issuer = (i + 1 < chain.size()) ? chain.get(i + 1) : anchor;
			boolean current = false;
			for (X509CRL crl : (crls != null) ? crls : List.<X509CRL>of()) {
				if (crl == null || !authentic(crl, issuer)) {
					continue;
				}
				X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
				if (entry != null) {
					throw new SignatureRejected(Reason.REVOKED,
							certificate.getSubjectX500Principal() + " (serial "
									+ certificate.getSerialNumber().toString(16) + ") was revoked at "
									+ entry.getRevocationDate().toInstant());
				}
				current |= current(crl, now);
			}
			if (!current) {
				throw new SignatureRejected(Reason.REVOCATION_UNKNOWN,
						"no current CRL of " + issuer.getSubjectX500Principal() + " signed by it at " + now);
			}
		}
	}

	/** Signed by the issuer, within policy, and of a shape this check understands. */
	private boolean authentic(X509CRL crl, X509Certificate issuer) {
		if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
				|| this.policy.signature(new ASN1ObjectIdentifier(crl.getSigAlgOID())).isEmpty()) {
			return false;
		}
		Set<String> critical = crl.getCriticalExtensionOIDs();
		if (critical != null && !critical.isEmpty()) {
			return false;
		}
		Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
		if (entries != null) {
			for (X509CRLEntry entry : entries) {
				if (entry.hasExtensions() && entry.getCriticalExtensionOIDs() != null
						&& !entry.getCriticalExtensionOIDs().isEmpty()) {
					return false;
				}
			}
		}
		try {
			crl.verify(issuer.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean current(X509CRL crl, Instant now) {
		return crl.getNextUpdate() != null && !now.isAfter(crl.getNextUpdate().toInstant())
				&& !crl.getThisUpdate().toInstant().isAfter(now.plus(CRL_CLOCK_SKEW));
	}

	// ------------------------------------------------------------------ WRONG_KEY_USAGE

	private static void checkKeyUsage(X509Certificate signer, boolean signerIsAnchor) {
		if (signerIsAnchor || signer.getBasicConstraints() != -1) {
			throw wrongUsage("the signer certificate is a CA");
		}
		boolean[] keyUsage = signer.getKeyUsage();
		if (keyUsage == null || !keyUsage[0]) {
			throw wrongUsage("the signer certificate lacks the digitalSignature key usage");
		}
		if ((keyUsage.length > 5 && keyUsage[5]) || (keyUsage.length > 6 && keyUsage[6])) {
			throw wrongUsage("the signer certificate has CA key usages");
		}
		List<String> purposes;
		try {
			purposes = signer.getExtendedKeyUsage();
		}
		catch (CertificateParsingException ex) {
			throw new SignatureRejected(Reason.WRONG_KEY_USAGE, "unreadable extended key usage", ex);
		}
		if (purposes == null || !purposes.contains(VigilOids.KP_DOCUMENT_SIGNING)) {
			throw wrongUsage("the signer certificate is not a Vigil document-signing certificate");
		}
		for (KeyPurposeId refused : List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth,
				KeyPurposeId.anyExtendedKeyUsage)) {
			if (purposes.contains(refused.getId())) {
				throw wrongUsage("the signer certificate is also for " + refused.getId());
			}
		}
	}

	// ------------------------------------------------------------------ helpers

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SignatureRejected malformed(String message) {
		return new SignatureRejected(Reason.MALFORMED, message);
	}

	private static SignatureRejected weak(String message) {
		return new SignatureRejected(Reason.WEAK_ALGORITHM, message);
	}

	private static SignatureRejected wrongUsage(String message) {
		return new SignatureRejected(Reason.WRONG_KEY_USAGE, message);
	}

	private record Parsed(byte[] content, SignerInformation signer, X509Certificate signerCertificate,
			List<X509Certificate> chain, Instant signingTime) {
	}

	/** Configures a {@link CmsVerifier}. */
	public static final class Builder {

		private final List<X509Certificate> anchors = new ArrayList<>();

		private Supplier<? extends Collection<X509CRL>> crls;

		private Clock clock = Clock.systemUTC();

		private AlgorithmPolicy policy = AlgorithmPolicy.strict();

		private int maxInputBytes = DEFAULT_MAX_INPUT_BYTES;

		private Builder() {
		}

		/** Adds a trust anchor: the network CA certificate. */
		public Builder trustAnchor(X509Certificate anchor) {
			this.anchors.add(Objects.requireNonNull(anchor, "anchor"));
			return this;
		}

		/** Adds trust anchors (e.g. the old and new CA during a rollover). */
		public Builder trustAnchors(Collection<X509Certificate> anchors) {
			anchors.forEach(this::trustAnchor);
			return this;
		}

		/**
		 * Where the current CRL comes from; asked at every verification. Returning null
		 * (or throwing) means there is none: every document is then refused with
		 * {@link Reason#REVOCATION_UNKNOWN}.
		 */
		public Builder crl(Supplier<X509CRL> crl) {
			Objects.requireNonNull(crl, "crl");
			this.crls = () -> {
				X509CRL current = crl.get();
				return (current != null) ? List.of(current) : List.of();
			};
			return this;
		}

		/**
		 * Where the current CRLs come from, one per issuer, for several trust anchors.
		 */
		public Builder crls(Supplier<? extends Collection<X509CRL>> crls) {
			this.crls = Objects.requireNonNull(crls, "crls");
			return this;
		}

		/**
		 * The clock validity and CRL freshness are judged by; the system UTC clock if
		 * unset.
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** The algorithm policy; {@link AlgorithmPolicy#strict()} if unset. */
		public Builder policy(AlgorithmPolicy policy) {
			this.policy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/** Inputs longer than this are refused unparsed; 1 MiB if unset. */
		public Builder maxInputBytes(int maxInputBytes) {
			if (maxInputBytes <= 0) {
				throw new IllegalArgumentException("the limit must be positive");
			}
			this.maxInputBytes = maxInputBytes;
			return this;
		}

		/**
		 * @throws IllegalStateException without a trust anchor
		 * @throws NullPointerException without a CRL supplier
		 */
		public CmsVerifier build() {
			return new CmsVerifier(this);
		}

	}

}
