package org.vigil.protocol.signing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Requests;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.pki.SigningKeyType;
import org.vigil.protocol.signing.SignatureRejected.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CmsVerifierTest {

	static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode DE = CountryCode.of("DE");

	static final byte[] REQUEST = WireJson.write(Requests.urgentPreservation("FR", "DE"));

	@TempDir
	static Path folder;

	static DevPki pki;

	static CmsVerifier verifier;

	@BeforeAll
	static void pki() throws Exception {
		char[] password = "test only".toCharArray();
		DevPki.generate(CLOCK, List.of(FR, DE)).write(folder, password);
		pki = DevPki.load(folder, password, CLOCK);
		verifier = verifierAt(CLOCK);
	}

	static CmsVerifier verifierAt(Clock clock) {
		return CmsVerifier.builder().trustAnchor(pki.caCertificate()).crl(pki::crl).clock(clock).build();
	}

	static byte[] signed(Credential credential) {
		return new CmsSigner(credential, CLOCK).sign(REQUEST);
	}

	static void rejected(ThrowingCallable verification, Reason reason) {
		assertThatThrownBy(verification).isInstanceOfSatisfying(SignatureRejected.class,
				(rejection) -> assertThat(rejection.reason()).as(rejection.getMessage()).isEqualTo(reason));
	}

	// ------------------------------------------------------------------ accepted

	@Test
	void aRequestSignedByFranceVerifiesAndReturnsTheExactBytesAndFrance() throws Exception {
		VerifiedContent verified = verifier.verify(signed(pki.signing(FR)));

		assertThat(verified.content()).isEqualTo(REQUEST);
		assertThat(verified.signer()).isEqualTo(PartyIdentity.party(FR));
		assertThat(verified.signerCertificate()).isEqualTo(pki.signing(FR).certificate());
		assertThat(verified.signingTime()).isEqualTo(NOW);
		assertThat(verified.contentSha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(REQUEST)));
	}

	@Test
	void theDocumentIsDerWithTheContentInsideAndTheCaLeftOut() throws Exception {
		byte[] cms = signed(pki.signing(FR));
		CMSSignedData parsed = new CMSSignedData(cms);

		assertThat(parsed.getSignedContent().getContent()).isEqualTo(REQUEST);
		assertThat(parsed.getCertificates().getMatches(null)).hasSize(1);
		SignerInformation signer = parsed.getSignerInfos().getSigners().iterator().next();
		assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
		assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
		assertThat(signer.getSignedAttributes().toHashtable()).containsKeys(
				org.bouncycastle.asn1.cms.CMSAttributes.contentType,
				org.bouncycastle.asn1.cms.CMSAttributes.messageDigest,
				org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
		assertThat(parsed.toASN1Structure().getEncoded("DER")).isEqualTo(cms);
	}

	@Test
	void aRequestSignedByAnotherCountryVerifiesAsThatCountry() {
		VerifiedContent verified = verifier.verify(signed(pki.signing(DE)));

		assertThat(verified.signer()).isEqualTo(PartyIdentity.party(DE));
		assertThat(verified.signer()).isNotEqualTo(PartyIdentity.party(FR));
	}

	@Test
	void anEd25519SignerIsAcceptedWithASha512Digest() throws Exception {
		Credential ed25519 = pki.issueParty(CountryCode.of("ES"), SigningKeyType.ED25519).signing();
		byte[] cms = signed(ed25519);

		VerifiedContent verified = verifier.verify(cms);

		assertThat(verified.signer()).isEqualTo(PartyIdentity.party(CountryCode.of("ES")));
		assertThat(verified.content()).isEqualTo(REQUEST);
		SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
		assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha512.getId());
		assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.3.101.112");
	}

	@Test
	void aP384SignerIsAccepted() {
		Credential p384 = pki.issueSigning(CountryCode.of("IT"), SigningKeyType.EC_P384, NOW, NOW.plusSeconds(3600));

		assertThat(verifier.verify(signed(p384)).signer()).isEqualTo(PartyIdentity.party(CountryCode.of("IT")));
	}

	@Test
	void theNetworkSignsAsTheNetwork() {
		assertThat(verifier.verify(signed(pki.networkSigning())).signer()).isEqualTo(PartyIdentity.network());
	}

	// ------------------------------------------------------------------ MALFORMED

	@Test
	void emptyInputIsMalformed() {
		rejected(() -> verifier.verify(new byte[0]), Reason.MALFORMED);
		rejected(() -> verifier.verify(null), Reason.MALFORMED);
	}

	@Test
	void randomGarbageIsMalformed() {
		SecureRandom random = new SecureRandom();
		for (int length : new int[] { 1, 2, 17, 500, 4096 }) {
			byte[] garbage = new byte[length];
			random.nextBytes(garbage);
			rejected(() -> verifier.verify(garbage), Reason.MALFORMED);
			garbage[0] = 0x30;
			rejected(() -> verifier.verify(garbage), Reason.MALFORMED);
		}
		rejected(() -> verifier.verify(REQUEST), Reason.MALFORMED);
	}

	@Test
	void aTruncatedDocumentIsMalformed() {
		byte[] cms = signed(pki.signing(FR));

		for (int length : new int[] { 1, 10, cms.length / 2, cms.length - 1 }) {
			rejected(() -> verifier.verify(Arrays.copyOf(cms, length)), Reason.MALFORMED);
		}
	}

	@Test
	void trailingBytesAreMalformed() {
		byte[] cms = signed(pki.signing(FR));

		rejected(() -> verifier.verify(Arrays.copyOf(cms, cms.length + 1)), Reason.MALFORMED);
	}

	@Test
	void deeplyNestedAsn1IsMalformedNotAStackOverflow() {
		byte[] nested = new byte[200_000];
		for (int i = 0; i < nested.length; i += 2) {
			nested[i] = 0x30;
			nested[i + 1] = (byte) 0x80;
		}

		rejected(() -> verifier.verify(nested), Reason.MALFORMED);
	}

	@Test
	void aDocumentThatAlsoCarriesTheCaCertificateVerifies() throws Exception {
		CMSSignedData signed = HostileCms.sign(REQUEST, true, true, "SHA256withECDSA", pki.signing(FR));

		assertThat(signed.getCertificates().getMatches(null)).hasSize(2);
		assertThat(verifier.verify(HostileCms.der(signed)).signer()).isEqualTo(PartyIdentity.party(FR));
	}

	@Test
	void aBerEncodedDocumentIsMalformed() throws Exception {
		CMSSignedData signed = HostileCms.sign(REQUEST, true, true, "SHA256withECDSA", pki.signing(FR));

		rejected(() -> verifier.verify(signed.getEncoded()), Reason.MALFORMED);
	}

	@Test
	void aDetachedSignatureHasNoContentAndIsMalformed() throws Exception {
		byte[] detached = HostileCms.der(HostileCms.sign(REQUEST, false, true, "SHA256withECDSA", pki.signing(FR)));

		rejected(() -> verifier.verify(detached), Reason.MALFORMED);
	}

	@Test
	void twoSignersAreMalformed() throws Exception {
		byte[] twice = HostileCms
			.der(HostileCms.sign(REQUEST, true, true, "SHA256withECDSA", pki.signing(FR), pki.signing(DE)));

		rejected(() -> verifier.verify(twice), Reason.MALFORMED);
	}

	@Test
	void aDocumentWithoutTheSignerCertificateIsMalformed() throws Exception {
		byte[] bare = HostileCms.der(HostileCms.sign(REQUEST, true, false, "SHA256withECDSA", pki.signing(FR)));

		rejected(() -> verifier.verify(bare), Reason.MALFORMED);
	}

	@Test
	void anOversizedDocumentIsRefusedBeforeParsing() {
		byte[] large = new byte[CmsVerifier.DEFAULT_MAX_INPUT_BYTES];
		Arrays.fill(large, (byte) 'x');
		byte[] cms = new CmsSigner(pki.signing(FR), CLOCK).sign(large);

		rejected(() -> verifier.verify(cms), Reason.MALFORMED);
		rejected(() -> verifier.verify(new byte[CmsVerifier.DEFAULT_MAX_INPUT_BYTES + 1]), Reason.MALFORMED);

		CmsVerifier small = CmsVerifier.builder()
			.trustAnchor(pki.caCertificate())
			.crl(pki::crl)
			.clock(CLOCK)
			.maxInputBytes(1000)
			.build();
		rejected(() -> small.verify(signed(pki.signing(FR))), Reason.MALFORMED);
	}

	// ------------------------------------------------------------------ WEAK_ALGORITHM

	@Test
	void aSha1SignedCertificateIsAWeakAlgorithm() {
		rejected(() -> verifier.verify(signed(pki.issueSha1SignedSigning(FR))), Reason.WEAK_ALGORITHM);
	}

	@Test
	void aSha1DigestIsAWeakAlgorithm() throws Exception {
		byte[] sha1 = HostileCms.der(HostileCms.sign(REQUEST, true, true, "SHA1withECDSA", pki.signing(FR)));

		rejected(() -> verifier.verify(sha1), Reason.WEAK_ALGORITHM);
	}

	@Test
	void ecdsaWithSha384OnAP256KeyIsAccepted() throws Exception {
		byte[] sha384 = HostileCms.der(HostileCms.sign(REQUEST, true, true, "SHA384withECDSA", pki.signing(FR)));

		assertThat(new CMSSignedData(sha384).getSignerInfos().getSigners().iterator().next().getDigestAlgOID())
			.isEqualTo(NISTObjectIdentifiers.id_sha384.getId());
		assertThat(verifier.verify(sha384).signer()).isEqualTo(PartyIdentity.party(FR));
	}

	@Test
	void aDigestThatIsNotTheSignaturesOwnHashIsRefused() throws Exception {
		byte[] mixed = HostileCms.der(HostileCms.sign(REQUEST, true, true, "SHA256withECDSA",
				new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512), pki.signing(FR)));

		assertThat(new CMSSignedData(mixed).getSignerInfos().getSigners().iterator().next().getDigestAlgOID())
			.isEqualTo(NISTObjectIdentifiers.id_sha512.getId());
		rejected(() -> verifier.verify(mixed), Reason.WEAK_ALGORITHM);
	}

	@Test
	void anRsaSignerIsAWeakAlgorithmWhateverItsSize() throws Exception {
		for (int bits : new int[] { 1024, 2048 }) {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			KeyPair keys = generator.generateKeyPair();
			Credential rsa = pki.issueSigningForKeyPair(FR, keys);
			byte[] cms = HostileCms.der(HostileCms.sign(REQUEST, true, true, "SHA256withRSA", rsa));

			rejected(() -> verifier.verify(cms), Reason.WEAK_ALGORITHM);
		}
	}

	@Test
	void aNarrowerPolicyRefusesEd25519() {
		CmsVerifier p256Only = CmsVerifier.builder()
			.trustAnchor(pki.caCertificate())
			.crl(pki::crl)
			.clock(CLOCK)
			.policy(AlgorithmPolicy.of(EnumSet.of(AlgorithmPolicy.SignatureAlgorithm.ECDSA_SHA256),
					Set.of(AlgorithmPolicy.Curve.P256)))
			.build();
		Credential ed25519 = pki.issueSigning(CountryCode.of("PT"), SigningKeyType.ED25519, NOW, NOW.plusSeconds(3600));

		assertThat(p256Only.verify(signed(pki.signing(FR))).signer()).isEqualTo(PartyIdentity.party(FR));
		rejected(() -> p256Only.verify(signed(ed25519)), Reason.WEAK_ALGORITHM);
	}

	// ------------------------------------------------------------------ BAD_SIGNATURE

	@Test
	void aFlippedByteInTheContentIsABadSignature() {
		byte[] tampered = HostileCms.flipContentByte(signed(pki.signing(FR)), REQUEST);

		rejected(() -> verifier.verify(tampered), Reason.BAD_SIGNATURE);
	}

	@Test
	void aFlippedByteInTheSignatureIsABadSignature() throws Exception {
		byte[] tampered = HostileCms.flipSignatureByte(signed(pki.signing(FR)));

		rejected(() -> verifier.verify(tampered), Reason.BAD_SIGNATURE);
	}

	@Test
	void aFlippedByteInAnEd25519SignatureIsABadSignature() throws Exception {
		Credential ed25519 = pki.issueSigning(CountryCode.of("PT"), SigningKeyType.ED25519, NOW, NOW.plusSeconds(3600));

		rejected(() -> verifier.verify(HostileCms.flipSignatureByte(signed(ed25519))), Reason.BAD_SIGNATURE);
	}

	@Test
	void aBadSignatureIsReportedBeforeAnExpiredCertificate() {
		byte[] tampered = HostileCms.flipContentByte(signed(pki.issueExpiredSigning(FR)), REQUEST);

		rejected(() -> verifier.verify(tampered), Reason.BAD_SIGNATURE);
	}

	// ------------------------------------------------------------------ UNTRUSTED_CHAIN

	@Test
	void aCertificateFromAnUnknownCaIsUntrusted() {
		rejected(() -> verifier.verify(signed(pki.issueSigningByUnknownCa(FR))), Reason.UNTRUSTED_CHAIN);
	}

	@Test
	void aVerifierOfAnotherNetworkDoesNotTrustThisOne() {
		DevPki other = DevPki.generate(CLOCK);
		CmsVerifier elsewhere = CmsVerifier.builder()
			.trustAnchor(other.caCertificate())
			.crl(other::crl)
			.clock(CLOCK)
			.build();

		rejected(() -> elsewhere.verify(signed(pki.signing(FR))), Reason.UNTRUSTED_CHAIN);
	}

	// ------------------------------------------------------------------ validity

	@Test
	void anExpiredCertificateIsRefused() {
		rejected(() -> verifier.verify(signed(pki.issueExpiredSigning(FR))), Reason.CERTIFICATE_EXPIRED);
	}

	@Test
	void aNotYetValidCertificateIsRefused() {
		rejected(() -> verifier.verify(signed(pki.issueNotYetValidSigning(FR))), Reason.CERTIFICATE_NOT_YET_VALID);
	}

	@Test
	void aGoodDocumentIsRefusedOnceItsCertificateHasExpired() {
		byte[] cms = signed(pki.signing(FR));
		Clock threeYearsLater = Clock.offset(CLOCK, Duration.ofDays(3 * 365));

		rejected(() -> verifierAt(threeYearsLater).verify(cms), Reason.CERTIFICATE_EXPIRED);
	}

	// ------------------------------------------------------------------ REVOKED

	@Test
	void aRevokedCertificateIsRefused() {
		Credential soonRevoked = pki.issueSigning(FR, SigningKeyType.EC_P256, NOW, NOW.plus(Duration.ofDays(30)));
		byte[] cms = signed(soonRevoked);
		assertThat(verifier.verify(cms).signer()).isEqualTo(PartyIdentity.party(FR));

		pki.revoke(soonRevoked.certificate().getSerialNumber());

		rejected(() -> verifier.verify(cms), Reason.REVOKED);
		assertThat(verifier.verify(signed(pki.signing(FR))).signer()).isEqualTo(PartyIdentity.party(FR));
	}

	@Test
	void withoutACrlRevocationIsUnknown() {
		CmsVerifier noCrl = CmsVerifier.builder().trustAnchor(pki.caCertificate()).crl(() -> null).clock(CLOCK).build();
		CmsVerifier failingCrl = CmsVerifier.builder().trustAnchor(pki.caCertificate()).crl(() -> {
			throw new IllegalStateException("CRL store down");
		}).clock(CLOCK).build();

		rejected(() -> noCrl.verify(signed(pki.signing(FR))), Reason.REVOCATION_UNKNOWN);
		rejected(() -> failingCrl.verify(signed(pki.signing(FR))), Reason.REVOCATION_UNKNOWN);
	}

	@Test
	void aStaleCrlMakesRevocationUnknown() {
		X509CRL crl = pki.crl();
		Clock afterNextUpdate = Clock.fixed(crl.getNextUpdate().toInstant().plusSeconds(1), ZoneOffset.UTC);
		Clock atNextUpdate = Clock.fixed(crl.getNextUpdate().toInstant(), ZoneOffset.UTC);
		byte[] cms = signed(pki.signing(FR));

		assertThat(verifierAt(atNextUpdate).verify(cms).signer()).isEqualTo(PartyIdentity.party(FR));
		rejected(() -> verifierAt(afterNextUpdate).verify(cms), Reason.REVOCATION_UNKNOWN);
	}

	@Test
	void aCrlNotSignedByTheCaMakesRevocationUnknown() {
		DevPki impostor = DevPki.generate(CLOCK);
		assertThat(impostor.crl().getIssuerX500Principal()).isEqualTo(pki.caCertificate().getSubjectX500Principal());
		CmsVerifier fooled = CmsVerifier.builder()
			.trustAnchor(pki.caCertificate())
			.crl(impostor::crl)
			.clock(CLOCK)
			.build();

		rejected(() -> fooled.verify(signed(pki.signing(FR))), Reason.REVOCATION_UNKNOWN);
	}

	@Test
	void aRevokedSignerIsRefusedEvenOnAStaleCrl() {
		Credential revoked = pki.issueSigning(FR, SigningKeyType.EC_P256, NOW, NOW.plus(Duration.ofDays(60)));
		pki.revoke(revoked.certificate());
		Clock afterNextUpdate = Clock.fixed(pki.crl().getNextUpdate().toInstant().plusSeconds(1), ZoneOffset.UTC);

		rejected(() -> verifierAt(afterNextUpdate).verify(signed(revoked)), Reason.REVOKED);
	}

	// ------------------------------------------------------------------ WRONG_KEY_USAGE

	@Test
	void aTlsClientCertificateCannotSignDocuments() {
		rejected(() -> verifier.verify(signed(pki.tlsClient(FR))), Reason.WRONG_KEY_USAGE);
	}

	@Test
	void aKeyEnciphermentOnlyCertificateCannotSignDocuments() {
		rejected(() -> verifier.verify(signed(pki.issueKeyEnciphermentOnlySigning(FR))), Reason.WRONG_KEY_USAGE);
	}

	@Test
	void aCaCannotSignDocuments() {
		rejected(() -> verifier.verify(signed(pki.caCredential())), Reason.WRONG_KEY_USAGE);
		rejected(() -> verifier.verify(signed(pki.issueCaFlaggedSigning(FR))), Reason.WRONG_KEY_USAGE);
	}

	@Test
	void aRevokedTlsCertificateIsReportedAsRevokedBeforeItsKeyUsage() {
		DevPki own = DevPki.generate(CLOCK, List.of(FR));
		CmsVerifier ownVerifier = CmsVerifier.builder()
			.trustAnchor(own.caCertificate())
			.crl(own::crl)
			.clock(CLOCK)
			.build();
		own.revoke(own.tlsClient(FR).certificate());

		rejected(() -> ownVerifier.verify(signed(own.tlsClient(FR))), Reason.REVOKED);
	}

	// ------------------------------------------------------------------ UNKNOWN_PARTY

	@Test
	void aSignerThatNamesNoPartyIsUnknown() {
		rejected(() -> verifier.verify(signed(pki.issueSigningWithSanUris(List.of()))), Reason.UNKNOWN_PARTY);
	}

	@Test
	void aSignerThatNamesSeveralPartiesIsUnknown() {
		Credential ambiguous = pki.issueSigningWithSanUris(List.of("urn:vigil:party:FR", "urn:vigil:party:DE"));

		rejected(() -> verifier.verify(signed(ambiguous)), Reason.UNKNOWN_PARTY);
	}

}
