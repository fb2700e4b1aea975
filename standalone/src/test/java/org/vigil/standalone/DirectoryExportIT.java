package org.vigil.standalone;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.cli.Vigil;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.PkiLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed export of the directory, downloaded from the running network and checked
 * with the {@code vigil} command's own classes, as a Party would offline: it verifies
 * against the network CA, and its import is a seed that loads the same contact points.
 */
class DirectoryExportIT extends NetworkTest {

	private final PkiLayout pki = Infrastructure.get().pkiLayout;

	@Autowired
	DirectoryView directory;

	@TempDir
	Path dir;

	@Test
	void theExportVerifiesWithTheCliAndImportsAsTheSameDirectory() throws Exception {
		HttpResponse<byte[]> response = new NationalSystem(this.port, "de.mueller", PASSWORD)
			.download("/api/v1/directory/export");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pkcs7-mime");
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("vigil-directory-"));
		Path export = Files.write(this.dir.resolve("export.p7s"), response.body());
		Path seed = this.dir.resolve("directory.json");
		int parties = this.directory.contactPoints().size();

		Run verify = vigil("directory", "verify", export.toString(), "--ca", this.pki.caCertificate().toString(),
				"--crl", this.pki.crl().toString());
		Run imported = vigil("directory", "import", export.toString(), "--ca", this.pki.caCertificate().toString(),
				"--crl", this.pki.crl().toString(), "--out", seed.toString());

		assertThat(verify.status()).as(verify.err()).isEqualTo(Vigil.OK);
		assertThat(verify.out()).contains("is a valid directory export of the network")
			.contains("Parties:      " + parties + " (")
			.contains("signed by:    urn:vigil:network");
		assertThat(imported.status()).as(imported.err()).isEqualTo(Vigil.OK);
		SeedDirectory loaded;
		try (InputStream in = Files.newInputStream(seed)) {
			loaded = SeedDirectory.read(in);
		}
		assertThat(loaded.network()).isEqualTo(this.directory.network().orElseThrow());
		assertThat(loaded.contactPoints()).isEqualTo(this.directory.contactPoints()
			.stream()
			.sorted(Comparator.comparing((ContactPoint contactPoint) -> contactPoint.country().value()))
			.toList());
		// The dev PKI holds keys for the demo Parties only; their certificates travel
		// with
		// the export.
		List<CountryCode> withKeys = SeedDirectory.demo().contactPoints().stream().map(ContactPoint::country).toList();
		assertThat(loaded.contactPoints()).filteredOn((contactPoint) -> withKeys.contains(contactPoint.country()))
			.hasSize(withKeys.size())
			.allSatisfy((contactPoint) -> assertThat(contactPoint.certificates()).as(contactPoint.country().value())
				.isNotEmpty());
	}

	@Test
	void theExportIsForLoggedInUsersOnly() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/directory/export"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("/problems/unauthenticated");
	}

	private Run vigil(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new Vigil(Clock.fixed(this.clock.instant(), ZoneOffset.UTC),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of())
			.run(args);
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
