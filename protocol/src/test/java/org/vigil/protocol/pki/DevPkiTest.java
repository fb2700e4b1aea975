package org.vigil.protocol.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.protocol.CountryCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevPkiTest {

	static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode DE = CountryCode.of("DE");

	static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	static final String BASIC_CONSTRAINTS = "2.5.29.19";

	static final String KEY_USAGE = "2.5.29.15";

	static DevPki pki;

	@BeforeAll
	static void generate() {
		pki = DevPki.generate(CLOCK, List.of(FR, DE));
	}

	@Test
	void writesTheDocumentedLayoutAndLoadsItBack(@TempDir Path folder) throws IOException {
		char[] password = "dev-password".toCharArray();

		PkiLayout layout = pki.write(folder, password);

		assertThat(layout.caCertificate()).isEqualTo(folder.resolve("ca.pem")).isRegularFile();
		assertThat(layout.caKeyStore()).isEqualTo(folder.resolve("ca.p12")).isRegularFile();
		assertThat(layout.crl()).isEqualTo(folder.resolve("crl.pem")).isRegularFile();
		assertThat(layout.networkSigning()).isEqualTo(folder.resolve("network/signing.p12")).isRegularFile();
		assertThat(layout.partySigning(FR)).isEqualTo(folder.resolve("parties/FR/signing.p12")).isRegularFile();
		assertThat(layout.partyTlsClient(DE)).isEqualTo(folder.resolve("parties/DE/tls-client.p12")).isRegularFile();
		assertThat(folder.resolve("ca.pem")).content().startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("KEY");

		DevPki loaded = DevPki.load(folder, password, CLOCK);

		assertThat(loaded.caCertificate()).isEqualTo(pki.caCertificate());
		assertThat(loaded.crl()).isEqualTo(pki.crl());
		assertThat(loaded.parties()).containsExactlyInAnyOrder(FR, DE);
		assertThat(loaded.signing(FR).chain()).isEqualTo(pki.signing(FR).chain());
		assertThat(loaded.tlsClient(DE).chain()).isEqualTo(pki.tlsClient(DE).chain());
		assertThat(loaded.networkSigning().chain()).isEqualTo(pki.networkSigning().chain());
		assertThat(loaded.signing(FR).privateKey().getEncoded()).isEqualTo(pki.signing(FR).privateKey().getEncoded());
		assertThat(loaded.caCredential().privateKey().getEncoded())
			.isEqualTo(pki.caCredential().privateKey().getEncoded());
	}

	@Test
	void aWrongPasswordDoesNotLoad(@TempDir Path folder) throws IOException {
		pki.write(folder, "right".toCharArray());

		assertThatThrownBy(() -> DevPki.load(folder, "wrong".toCharArray(), CLOCK)).isInstanceOf(IOException.class);
	}

	@Test
	void eachPkcs12HoldsTheKeyWithItsCertificateAndTheCa(@TempDir Path folder) throws IOException {
		char[] password = "pw".toCharArray();
		PkiLayout layout = pki.write(folder, password);

		Credential signing = Credential.readPkcs12(layout.partySigning(FR), password);

		assertThat(signing.chain()).containsExactly(pki.signing(FR).certificate(), pki.caCertificate());
	}

	@Test
	void theCaIsASelfSignedP256CaValidForTenYears() throws Exception {
		X509Certificate ca = pki.caCertificate();

		ca.verify(ca.getPublicKey());
		assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
		assertThat(keyUsage(ca)).containsExactly("keyCertSign", "cRLSign");
		assertThat(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
		assertThat(curve(ca)).isEqualTo(SECObjectIdentifiers.secp256r1.getId());
		assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
		assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW);
		assertThat(ca.getNotAfter().toInstant()).isEqualTo(Instant.parse("2036-03-29T01:30:00Z"));
	}

	@Test
	void theTlsClientCertificateIsForClientAuthenticationOfItsParty() throws Exception {
		X509Certificate tls = pki.tlsClient(FR).certificate();

		tls.verify(pki.caCertificate().getPublicKey());
		assertThat(tls.getBasicConstraints()).isEqualTo(-1);
		assertThat(keyUsage(tls)).containsExactly("digitalSignature");
		assertThat(tls.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
		assertThat(PartyIdentity.of(tls)).isEqualTo(PartyIdentity.party(FR));
		assertThat(curve(tls)).isEqualTo(SECObjectIdentifiers.secp256r1.getId());
		assertThat(authorityKeyId(tls)).isEqualTo(subjectKeyId(pki.caCertificate()));
		assertThat(tls.getNotBefore().toInstant()).isEqualTo(NOW);
		assertThat(tls.getNotAfter().toInstant()).isEqualTo(Instant.parse("2028-03-29T01:30:00Z"));
	}

	@Test
	void theTlsClientCredentialIsAlsoWrittenAsPemForCurl(@TempDir Path folder) throws Exception {
		PkiLayout layout = pki.write(folder, "pw".toCharArray());

		assertThat(layout.partyTlsClientCertificatePem(FR)).isEqualTo(folder.resolve("parties/FR/tls-client.pem"))
			.content()
			.isEqualTo(Pem.certificate(pki.tlsClient(FR).certificate()) + Pem.certificate(pki.caCertificate()));
		assertThat(layout.partyTlsClientKeyPem(FR)).isEqualTo(folder.resolve("parties/FR/tls-client.key"))
			.content()
			.startsWith("-----BEGIN PRIVATE KEY-----")
			.contains(java.util.Base64.getMimeEncoder(64, new byte[] { '\n' })
				.encodeToString(pki.tlsClient(FR).privateKey().getEncoded()));
	}

	@Test
	void theGatewaysTlsServerCertificateNamesItsHostsForServerAuthentication() throws Exception {
		Credential server = pki.issueTlsServer(List.of("localhost"), List.of("127.0.0.1"));
		X509Certificate tls = server.certificate();

		tls.verify(pki.caCertificate().getPublicKey());
		assertThat(server.chain()).containsExactly(tls, pki.caCertificate());
		assertThat(tls.getBasicConstraints()).isEqualTo(-1);
		assertThat(keyUsage(tls)).containsExactly("digitalSignature");
		assertThat(tls.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
		assertThat(tls.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
				List.of(7, "127.0.0.1"));
	}

	@Test
	void aTlsClientCertificateOfAnUnknownCaDoesNotVerifyWithTheNetworkCa() throws Exception {
		Credential rogue = pki.issueTlsClientByUnknownCa(FR);

		assertThat(rogue.chain()).hasSize(2);
		rogue.certificate().verify(rogue.chain().get(1).getPublicKey());
		assertThat(rogue.chain().get(1).getSubjectX500Principal())
			.isEqualTo(pki.caCertificate().getSubjectX500Principal());
		assertThatThrownBy(() -> rogue.certificate().verify(pki.caCertificate().getPublicKey()))
			.isInstanceOf(java.security.GeneralSecurityException.class);
	}

	@Test
	void theSigningCertificateIsForVigilDocumentSigningOnly() throws Exception {
		X509Certificate signing = pki.signing(FR).certificate();

		signing.verify(pki.caCertificate().getPublicKey());
		assertThat(signing.getCriticalExtensionOIDs()).contains(KEY_USAGE);
		assertThat(keyUsage(signing)).containsExactly("digitalSignature", "nonRepudiation");
		assertThat(signing.getExtendedKeyUsage()).containsExactly(VigilOids.KP_DOCUMENT_SIGNING)
			.doesNotContain(CLIENT_AUTH, SERVER_AUTH);
		assertThat(PartyIdentity.of(signing)).isEqualTo(PartyIdentity.party(FR));
		assertThat(curve(signing)).isEqualTo(SECObjectIdentifiers.secp256r1.getId());
		assertThat(authorityKeyId(signing)).isEqualTo(subjectKeyId(pki.caCertificate()));
		assertThat(signing.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
		assertThat(signing.getNotAfter().toInstant()).isEqualTo(Instant.parse("2028-03-29T01:30:00Z"));
	}

	@Test
	void aPartyMayHaveAnEd25519SigningKey() throws Exception {
		DevPki own = DevPki.generate(CLOCK);

		X509Certificate signing = own.issueParty(CountryCode.of("ES"), SigningKeyType.ED25519).signing().certificate();

		signing.verify(own.caCertificate().getPublicKey());
		assertThat(SubjectPublicKeyInfo.getInstance(signing.getPublicKey().getEncoded()).getAlgorithm().getAlgorithm())
			.hasToString("1.3.101.112");
		assertThat(own.tlsClient(CountryCode.of("ES")).certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
	}

	@Test
	void theNetworkHasItsOwnSigningCertificate() throws Exception {
		X509Certificate network = pki.networkSigning().certificate();

		network.verify(pki.caCertificate().getPublicKey());
		assertThat(PartyIdentity.of(network)).isEqualTo(PartyIdentity.network());
		assertThat(network.getExtendedKeyUsage()).containsExactly(VigilOids.KP_DOCUMENT_SIGNING);
	}

	@Test
	void theFirstCrlIsEmptySignedByTheCaAndValidForAWeek() throws Exception {
		DevPki own = DevPki.generate(CLOCK);
		X509CRL crl = own.crl();

		crl.verify(own.caCertificate().getPublicKey());
		assertThat(crl.getIssuerX500Principal()).isEqualTo(own.caCertificate().getSubjectX500Principal());
		assertThat(crl.getRevokedCertificates()).isNull();
		assertThat(crl.getThisUpdate().toInstant()).isEqualTo(NOW);
		assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(crlNumber(crl)).isEqualTo(BigInteger.ONE);
		assertThat(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
	}

	@Test
	void revokingPutsTheSerialOnANewCrlThatSurvivesSavingAndLoading(@TempDir Path folder) throws Exception {
		DevPki own = DevPki.generate(CLOCK, List.of(FR, DE));
		X509CRL before = own.crl();
		X509Certificate revoked = own.signing(FR).certificate();

		X509CRL after = own.revoke(revoked.getSerialNumber());

		after.verify(own.caCertificate().getPublicKey());
		assertThat(own.crl()).isEqualTo(after);
		assertThat(after.isRevoked(revoked)).isTrue();
		assertThat(after.isRevoked(own.signing(DE).certificate())).isFalse();
		assertThat(before.isRevoked(revoked)).isFalse();
		assertThat(crlNumber(after)).isEqualTo(BigInteger.TWO);

		own.write(folder, "pw".toCharArray());
		DevPki loaded = DevPki.load(folder, "pw".toCharArray(), CLOCK);
		X509CRL next = loaded.revoke(loaded.tlsClient(DE).certificate());

		assertThat(next.isRevoked(revoked)).isTrue();
		assertThat(next.isRevoked(own.tlsClient(DE).certificate())).isTrue();
		assertThat(crlNumber(next)).isEqualTo(BigInteger.valueOf(3));
	}

	@Test
	void everyInstantComesFromTheClock() {
		Instant later = Instant.parse("2031-07-01T12:00:00.750Z");

		DevPki own = DevPki.generate(Clock.fixed(later, ZoneOffset.UTC), List.of(FR));

		assertThat(own.caCertificate().getNotBefore().toInstant()).isEqualTo(Instant.parse("2031-07-01T12:00:00Z"));
		assertThat(own.signing(FR).certificate().getNotBefore().toInstant())
			.isEqualTo(Instant.parse("2031-07-01T12:00:00Z"));
		assertThat(own.crl().getThisUpdate().toInstant()).isEqualTo(Instant.parse("2031-07-01T12:00:00Z"));
	}

	@Test
	void issuesTheHostileCertificatesTestsNeed() throws Exception {
		X509Certificate expired = pki.issueExpiredSigning(FR).certificate();
		X509Certificate notYetValid = pki.issueNotYetValidSigning(FR).certificate();
		X509Certificate sha1 = pki.issueSha1SignedSigning(FR).certificate();
		X509Certificate encipherment = pki.issueKeyEnciphermentOnlySigning(FR).certificate();
		Credential unknown = pki.issueSigningByUnknownCa(FR);

		assertThat(expired.getNotAfter().toInstant()).isBefore(NOW);
		assertThat(notYetValid.getNotBefore().toInstant()).isAfter(NOW);
		assertThat(sha1.getSigAlgName()).isEqualTo("SHA1withECDSA");
		sha1.verify(pki.caCertificate().getPublicKey());
		assertThat(keyUsage(encipherment)).containsExactly("keyEncipherment");
		assertThat(unknown.certificate().getIssuerX500Principal())
			.isEqualTo(pki.caCertificate().getSubjectX500Principal());
		assertThat(unknown.chain().get(1)).isNotEqualTo(pki.caCertificate());
		assertThatThrownBy(() -> unknown.certificate().verify(pki.caCertificate().getPublicKey()))
			.isInstanceOf(java.security.GeneralSecurityException.class);
	}

	private static List<String> keyUsage(X509Certificate certificate) {
		String[] names = { "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
				"keyCertSign", "cRLSign", "encipherOnly", "decipherOnly" };
		boolean[] bits = certificate.getKeyUsage();
		List<String> set = new java.util.ArrayList<>();
		for (int i = 0; i < bits.length && i < names.length; i++) {
			if (bits[i]) {
				set.add(names[i]);
			}
		}
		return set;
	}

	private static String curve(X509Certificate certificate) {
		return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
			.getAlgorithm()
			.getParameters()
			.toString();
	}

	private static byte[] subjectKeyId(X509Certificate certificate) throws IOException {
		return SubjectKeyIdentifier.getInstance(extension(certificate, Extension.subjectKeyIdentifier.getId()))
			.getKeyIdentifier();
	}

	private static byte[] authorityKeyId(X509Certificate certificate) throws IOException {
		return AuthorityKeyIdentifier.getInstance(extension(certificate, Extension.authorityKeyIdentifier.getId()))
			.getKeyIdentifier();
	}

	private static ASN1Primitive extension(X509Certificate certificate, String oid) throws IOException {
		return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(certificate.getExtensionValue(oid)).getOctets());
	}

	private static BigInteger crlNumber(X509CRL crl) throws IOException {
		return org.bouncycastle.asn1.ASN1Integer
			.getInstance(ASN1Primitive.fromByteArray(
					ASN1OctetString.getInstance(crl.getExtensionValue(Extension.cRLNumber.getId())).getOctets()))
			.getValue();
	}

}
