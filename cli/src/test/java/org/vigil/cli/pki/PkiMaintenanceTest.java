package org.vigil.cli.pki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.Password;
import org.vigil.cli.Vigil;
import org.vigil.cli.VigilRunner;
import org.vigil.cli.VigilRunner.Result;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.PkiLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbook's PKI steps: revoking a country's certificate, rotating it, adding a Party,
 * and keeping the CRL current, on a PKI that {@code pki init} wrote.
 */
class PkiMaintenanceTest {

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode NL = CountryCode.of("NL");

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	Path root;

	PkiLayout layout;

	@BeforeEach
	void init() {
		this.root = this.dir.resolve("pki");
		this.layout = new PkiLayout(this.root);
		assertThat(this.vigil.run("pki", "init", "--out", this.root.toString(), "--parties", "FR,DE").status())
			.isEqualTo(Vigil.OK);
	}

	@Test
	void revokingACountrysSigningCertificatePutsItOnTheCrlAndLeavesItsTlsCertificate() throws Exception {
		DevPki before = load();
		X509Certificate signing = before.signing(FR).certificate();
		X509Certificate tls = before.tlsClient(FR).certificate();

		Result result = this.vigil.run("pki", "revoke", "--pki", this.root.toString(), "--party", "FR", "--use",
				"signing");

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.OK);
		X509CRL crl = Pem.readCrl(this.layout.crl());
		assertThat(crl.isRevoked(signing)).isTrue();
		assertThat(crl.isRevoked(tls)).isFalse();
		assertThat(crl.isRevoked(before.signing(CountryCode.of("DE")).certificate())).isFalse();
		crl.verify(before.caCertificate().getPublicKey());
		assertThat(result.out()).contains("Revoked serial " + signing.getSerialNumber().toString(16) + " (FR)");
	}

	@Test
	void aRotationIssuesNewCertificatesAndRevokesTheOldOnesBySerial() throws Exception {
		X509Certificate old = load().signing(FR).certificate();

		Result issued = this.vigil.run("pki", "issue", "--pki", this.root.toString(), "--party", "FR");

		assertThat(issued.status()).as(issued.toString()).isEqualTo(Vigil.OK);
		X509Certificate fresh = load().signing(FR).certificate();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(issued.out()).contains("signing     serial " + old.getSerialNumber().toString(16))
			.contains("\"use\": \"SIGNING\"")
			.contains("\"use\": \"TLS_CLIENT\"");
		Matcher sha = Pattern.compile("\"use\": \"SIGNING\", \"sha256\": \"([0-9a-f]{64})\"").matcher(issued.out());
		assertThat(sha.find()).isTrue();

		Result revoked = this.vigil.run("pki", "revoke", "--pki", this.root.toString(), "--serial",
				old.getSerialNumber().toString(16));

		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(Vigil.OK);
		X509CRL crl = Pem.readCrl(this.layout.crl());
		assertThat(crl.isRevoked(old)).isTrue();
		assertThat(crl.isRevoked(fresh)).isFalse();
	}

	@Test
	void aNewPartyGetsCredentialsFromTheSameCa() throws Exception {
		Result issued = this.vigil.run("pki", "issue", "--pki", this.root.toString(), "--party", "NL");

		assertThat(issued.status()).as(issued.toString()).isEqualTo(Vigil.OK);
		DevPki pki = load();
		assertThat(pki.parties()).contains(NL);
		pki.signing(NL).certificate().verify(pki.caCertificate().getPublicKey());
		assertThat(this.layout.partyTlsClient(NL)).isRegularFile();
	}

	@Test
	void aFreshCrlKeepsTheRevocationsWithTheNextNumber() throws Exception {
		this.vigil.run("pki", "revoke", "--pki", this.root.toString(), "--party", "FR");
		BigInteger before = number(Pem.readCrl(this.layout.crl()));

		Result result = this.vigil.run("pki", "crl", "--pki", this.root.toString());

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.OK);
		X509CRL crl = Pem.readCrl(this.layout.crl());
		assertThat(number(crl)).isEqualTo(before.add(BigInteger.ONE));
		assertThat(crl.getRevokedCertificates()).hasSize(2);
	}

	@Test
	void revokeWantsAPartyOrASerialNotBoth() {
		assertThat(this.vigil.run("pki", "revoke", "--pki", this.root.toString()).status()).isEqualTo(Vigil.USAGE);
		assertThat(this.vigil.run("pki", "revoke", "--pki", this.root.toString(), "--party", "FR", "--serial", "0a")
			.status()).isEqualTo(Vigil.USAGE);
		assertThat(this.vigil.run("pki", "revoke", "--pki", this.root.toString(), "--party", "IT").status())
			.isEqualTo(Vigil.FAILED);
	}

	private DevPki load() throws Exception {
		return DevPki.load(this.root, Password.DEV_DEFAULT.toCharArray(), this.vigil.clock());
	}

	private static BigInteger number(X509CRL crl) {
		byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
		return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
	}

}
