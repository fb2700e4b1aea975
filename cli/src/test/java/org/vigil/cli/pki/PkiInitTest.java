package org.vigil.cli.pki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.Password;
import org.vigil.cli.Vigil;
import org.vigil.cli.VigilRunner;
import org.vigil.cli.VigilRunner.Result;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.pki.PkiLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PkiInitTest {

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode DE = CountryCode.of("DE");

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	@Test
	void writesTheLayoutWithTheDevDefaultPassword() throws Exception {
		Path root = this.dir.resolve("pki");

		Result result = this.vigil.run("pki", "init", "--out", root.toString(), "--parties", "FR,DE");

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.OK);
		PkiLayout layout = new PkiLayout(root);
		assertThat(layout.caCertificate()).isRegularFile();
		assertThat(layout.caKeyStore()).isRegularFile();
		assertThat(layout.crl()).isRegularFile();
		assertThat(layout.networkSigning()).isRegularFile();
		for (CountryCode country : new CountryCode[] { FR, DE }) {
			assertThat(layout.partySigning(country)).isRegularFile();
			assertThat(layout.partyTlsClient(country)).isRegularFile();
			assertThat(layout.partyTlsClientCertificatePem(country)).content()
				.startsWith("-----BEGIN CERTIFICATE-----")
				.containsOnlyOnce("-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----");
			assertThat(layout.partyTlsClientKeyPem(country)).content().startsWith("-----BEGIN PRIVATE KEY-----");
		}
		assertThat(layout.parties()).isDirectoryNotContaining("glob:**/NL");
		DevPki loaded = DevPki.load(root, Password.DEV_DEFAULT.toCharArray(), this.vigil.clock());
		assertThat(loaded.parties()).containsExactlyInAnyOrder(FR, DE);
		assertThat(PartyIdentity.of(loaded.networkSigning().certificate()).isNetwork()).isTrue();
		assertThat(result.out()).contains("ca.pem", "crl.pem", "network/signing.p12", "parties/FR/signing.p12",
				"parties/DE/tls-client.p12", "the dev default password");
		assertThat(result.err()).contains("warning", "dev default password 'vigil-dev-pki'");
	}

	@Test
	void issuesTheDefaultParties() throws Exception {
		Path root = this.dir.resolve("pki");

		assertThat(this.vigil.run("pki", "init", "--out", root.toString()).status()).isZero();

		assertThat(DevPki.load(root, Password.DEV_DEFAULT.toCharArray(), this.vigil.clock()).parties())
			.containsExactlyInAnyOrderElementsOf(PkiInit.DEFAULT_PARTIES);
	}

	@Test
	void takesThePasswordFromAFileBeforeTheEnvironment() throws Exception {
		Path root = this.dir.resolve("pki");
		Path passwordFile = Files.writeString(this.dir.resolve("password"), "s3cret from file\n");

		Result result = this.vigil.env(Map.of(Password.ENV, "from env"))
			.run("pki", "init", "--out", root.toString(), "--parties", "FR", "--password-file",
					passwordFile.toString());

		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(DevPki.load(root, "s3cret from file".toCharArray(), this.vigil.clock()).parties())
			.containsExactly(FR);
		assertThatThrownBy(() -> DevPki.load(root, "from env".toCharArray(), this.vigil.clock()));
	}

	@Test
	void takesThePasswordFromTheEnvironment() throws Exception {
		Path root = this.dir.resolve("pki");

		Result result = this.vigil.env(Map.of(Password.ENV, "from env"))
			.run("pki", "init", "--out", root.toString(), "--parties", "FR");

		assertThat(result.status()).as(result.toString()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).contains("$VIGIL_PKI_PASSWORD");
		assertThat(DevPki.load(root, "from env".toCharArray(), this.vigil.clock()).parties()).containsExactly(FR);
	}

	@Test
	void anEmptyPasswordFileIsAFailure() throws Exception {
		Path passwordFile = Files.writeString(this.dir.resolve("password"), "\n");

		Result result = this.vigil.run("pki", "init", "--out", this.dir.resolve("pki").toString(), "--password-file",
				passwordFile.toString());

		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).isEqualTo("vigil: the password file " + passwordFile + " is empty\n");
		assertThat(this.dir.resolve("pki")).doesNotExist();
	}

	@Test
	void refusesToOverwriteAnExistingPki() throws Exception {
		Path root = this.dir.resolve("pki");
		assertThat(this.vigil.run("pki", "init", "--out", root.toString(), "--parties", "FR,DE").status()).isZero();
		byte[] ca = Files.readAllBytes(root.resolve("ca.pem"));

		Result again = this.vigil.run("pki", "init", "--out", root.toString(), "--parties", "FR,DE");

		assertThat(again.status()).as(again.toString()).isEqualTo(Vigil.FAILED);
		assertThat(again.err()).startsWith("vigil: " + root + " already holds a PKI")
			.contains("use --force")
			.hasLineCount(1);
		assertThat(again.out()).isEmpty();
		assertThat(Files.readAllBytes(root.resolve("ca.pem"))).isEqualTo(ca);
	}

	@Test
	void refusesEvenWhenOnlyAPartyKeyIsLeft() throws Exception {
		Path signing = this.dir.resolve("pki/parties/FR/signing.p12");
		Files.createDirectories(signing.getParent());
		Files.writeString(signing, "not really a key", StandardCharsets.US_ASCII);

		Result result = this.vigil.run("pki", "init", "--out", this.dir.resolve("pki").toString());

		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains("already holds a PKI");
	}

	@Test
	void forceReplacesThePkiAndDropsPartiesNoLongerIssued() throws Exception {
		Path root = this.dir.resolve("pki");
		assertThat(this.vigil.run("pki", "init", "--out", root.toString(), "--parties", "FR,DE").status()).isZero();
		Path unrelated = Files.writeString(root.resolve("notes.txt"), "kept");
		byte[] ca = Files.readAllBytes(root.resolve("ca.pem"));

		Result result = this.vigil.run("pki", "init", "--out", root.toString(), "--parties", "FR", "--force");

		assertThat(result.status()).as(result.toString()).isZero();
		// CA, its key, CRL, network key; per party two key stores and the TLS client
		// PEMs.
		assertThat(result.out()).contains("Removed the 12 files of the previous PKI");
		assertThat(Files.readAllBytes(root.resolve("ca.pem"))).isNotEqualTo(ca);
		assertThat(root.resolve("parties/DE")).doesNotExist();
		assertThat(unrelated).hasContent("kept");
		assertThat(DevPki.load(root, Password.DEV_DEFAULT.toCharArray(), this.vigil.clock()).parties())
			.containsExactly(FR);
	}

}
