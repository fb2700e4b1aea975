package org.vigil.cli.directory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigil.cli.Password;
import org.vigil.cli.Vigil;
import org.vigil.cli.VigilRunner;
import org.vigil.cli.VigilRunner.Result;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.directory.DirectoryExport;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.PkiLayout;
import org.vigil.protocol.signing.CmsSigner;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryImportTest {

	static final byte[] SEED = """
			{"network": {"coordinators": [{"id": "net.coordinator", "name": "Coordinator", "roles": ["COORDINATOR"]}]},
			 "contactPoints": [
			   {"country": "DE", "partyName": "Germany", "zone": "Europe/Berlin"},
			   {"country": "FR", "partyName": "France", "zone": "Europe/Paris"}]}
			""".getBytes(StandardCharsets.UTF_8);

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	PkiLayout pki;

	Credential network;

	@BeforeEach
	void pki() throws Exception {
		this.pki = new PkiLayout(this.dir.resolve("pki"));
		assertThat(this.vigil.run("pki", "init", "--out", this.pki.root().toString(), "--parties", "FR,DE").status())
			.isZero();
		this.network = Credential.readPkcs12(this.pki.networkSigning(), Password.DEV_DEFAULT.toCharArray());
	}

	@Test
	void verifiesTheNetworksExportAndSaysWhatItHolds() throws Exception {
		Path export = export(this.network);

		Result result = this.vigil.run("directory", "verify", export.toString(), "--pki", this.pki.root().toString());

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("OK: " + export + " is a valid directory export of the network")
			.contains("exported at:  " + VigilRunner.NOW)
			.contains("Parties:      2 (DE, FR)")
			.contains("signed by:    urn:vigil:network");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void importsTheDirectoryAsASeedFile() throws Exception {
		Path export = export(this.network);
		Path seed = this.dir.resolve("directory.json");

		Result result = this.vigil.run("directory", "import", export.toString(), "--ca",
				this.pki.caCertificate().toString(), "--crl", this.pki.crl().toString(), "--out", seed.toString());

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("wrote " + seed + ": the seed directory of 2 Parties");
		assertThat(WireJson.mapper().readTree(Files.readAllBytes(seed))).isEqualTo(WireJson.mapper().readTree(SEED));
	}

	@Test
	void anExportSignedByAContactPointIsRejectedAndNothingIsWritten() throws Exception {
		Credential france = Credential.readPkcs12(this.pki.partySigning(CountryCode.of("FR")),
				Password.DEV_DEFAULT.toCharArray());
		Path export = export(france);
		Path seed = this.dir.resolve("directory.json");

		Result result = this.vigil.run("directory", "import", export.toString(), "--pki", this.pki.root().toString(),
				"--out", seed.toString());

		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains("NOT_SIGNED_BY_NETWORK")
			.contains("signed by FR, not by the network (urn:vigil:network)");
		assertThat(seed).doesNotExist();
	}

	@Test
	void anAlteredExportIsRejected() throws Exception {
		Path export = export(this.network);
		byte[] bytes = Files.readAllBytes(export);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		bytes[text.indexOf("Germany")] = 'X';
		Files.write(export, bytes);

		Result result = this.vigil.run("directory", "verify", export.toString(), "--pki", this.pki.root().toString());

		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains(export + " is rejected: BAD_SIGNATURE");
	}

	@Test
	void anExportWhoseSignerIsRevokedIsRejected() throws Exception {
		Path export = export(this.network);
		DevPki loaded = DevPki.load(this.pki.root(), Password.DEV_DEFAULT.toCharArray(), this.vigil.clock());
		Pem.writeCrl(this.pki.crl(), loaded.revoke(this.network.certificate()));

		Result result = this.vigil.run("directory", "verify", export.toString(), "--pki", this.pki.root().toString());

		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains("is rejected: REVOKED");
	}

	@Test
	void anExportWhoseSignerHasExpiredIsRejected() throws Exception {
		Path export = export(this.network);
		VigilRunner years = this.vigil.at(VigilRunner.NOW.plus(Duration.ofDays(3 * 366)));

		Result result = years.run("directory", "verify", export.toString(), "--pki", this.pki.root().toString());

		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains("is rejected: CERTIFICATE_EXPIRED");
	}

	@Test
	void anExistingFileIsReplacedOnlyWithForce() throws Exception {
		Path export = export(this.network);
		Path seed = Files.writeString(this.dir.resolve("directory.json"), "{}");

		Result refused = this.vigil.run("directory", "import", export.toString(), "--pki", this.pki.root().toString(),
				"--out", seed.toString());
		Result forced = this.vigil.run("directory", "import", export.toString(), "--pki", this.pki.root().toString(),
				"--out", seed.toString(), "--force");

		assertThat(refused.status()).isEqualTo(Vigil.FAILED);
		assertThat(refused.err()).contains("exists already; give --force");
		assertThat(forced.status()).as(forced.toString()).isEqualTo(Vigil.OK);
		assertThat(Files.readString(seed)).contains("\"contactPoints\"");
	}

	@Test
	void withoutTrustMaterialItIsAUsageError() {
		Result result = this.vigil.run("directory", "verify", "export.p7s");

		assertThat(result.status()).isEqualTo(Vigil.USAGE);
		assertThat(result.err()).contains("missing --ca").contains("Usage: vigil directory verify");
	}

	private Path export(Credential signer) throws Exception {
		byte[] content = DirectoryExport.of(SEED, VigilRunner.NOW).content();
		return Files.write(this.dir.resolve("export.p7s"), new CmsSigner(signer, this.vigil.clock()).sign(content));
	}

}
