package org.vigil.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.cli.VigilRunner.Result;

import static org.assertj.core.api.Assertions.assertThat;

class VigilTest {

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	@Test
	void noCommandIsAUsageError() {
		Result result = this.vigil.run();

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.USAGE);
		assertThat(result.err()).startsWith("vigil: missing command").contains("Usage: vigil <command>");
		assertThat(result.out()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "help", "--help", "-h" })
	void helpGoesToStdout(String help) {
		Result result = this.vigil.run(help);

		assertThat(result.status()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("vigil pki init", "vigil sign", "vigil verify", "Exit status");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void helpOnACommand() {
		assertThat(this.vigil.run("help", "verify").out()).contains("--at INSTANT", "--request request.p7s");
		assertThat(this.vigil.run("verify", "--help").out()).contains("--at INSTANT");
		assertThat(this.vigil.run("pki", "init", "--help").out()).contains("--parties");
		assertThat(this.vigil.run("sign", "-h").out()).contains("--key");
	}

	@Test
	void missingArgumentsAreUsageErrors() {
		String pki = this.dir.resolve("pki").toString();
		assertUsageError(this.vigil.run("pki"), "missing pki command");
		assertUsageError(this.vigil.run("pki", "init"), "missing --out");
		assertUsageError(this.vigil.run("pki", "init", "--out"), "--out needs a value");
		assertUsageError(this.vigil.run("sign", "--in", "request.json", "--out", "request.p7s"), "missing --key");
		assertUsageError(this.vigil.run("sign", "--key", "k.p12", "--out", "request.p7s"), "missing --in");
		assertUsageError(this.vigil.run("verify"), "missing the document to verify");
		assertUsageError(this.vigil.run("verify", "request.p7s"), "missing --ca");
		assertUsageError(this.vigil.run("verify", "request.p7s", "--ca", "ca.pem"), "missing --crl");
		assertUsageError(this.vigil.run("verify", "receipt.p7s", "--request", "--pki", pki), "--request needs a value");
	}

	@Test
	void malformedArgumentsAreUsageErrors() {
		String pki = this.dir.resolve("pki").toString();
		assertUsageError(this.vigil.run("frobnicate"), "unknown command frobnicate");
		assertUsageError(this.vigil.run("pki", "destroy"), "unknown pki command destroy");
		assertUsageError(this.vigil.run("pki", "init", "--out", pki, "--parties", "FR,France"),
				"'France' is not an ISO 3166-1 alpha-2 code");
		assertUsageError(this.vigil.run("pki", "init", "--out", pki, "--verbose"), "unknown option --verbose");
		assertUsageError(this.vigil.run("pki", "init", "--out", pki, "--out", pki), "--out is given more than once");
		assertUsageError(this.vigil.run("pki", "init", "--out", pki, "stray"), "unexpected argument stray");
		assertUsageError(this.vigil.run("verify", "request.p7s", "--pki", pki, "--at", "yesterday"),
				"--at takes an instant in UTC");
		assertUsageError(this.vigil.run("verify", "request.p7s", "--pki", pki, "--ca", "ca.pem"),
				"either --pki or --ca and --crl");
		assertUsageError(this.vigil.run("verify", "a.p7s", "b.p7s", "--pki", pki), "unexpected argument b.p7s");
	}

	@Test
	void aMissingFileIsAFailureNotAUsageError() {
		Path pki = this.dir.resolve("pki");
		assertThat(this.vigil.run("pki", "init", "--out", pki.toString(), "--parties", "FR").status()).isZero();

		Result result = this.vigil.run("verify", this.dir.resolve("nothing.p7s").toString(), "--pki", pki.toString());

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err())
			.isEqualTo("vigil: cannot read " + this.dir.resolve("nothing.p7s") + ": no such file\n");
	}

	private static void assertUsageError(Result result, String message) {
		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.USAGE);
		assertThat(result.err()).as(result.toString()).contains(message).contains("Usage: vigil");
		assertThat(result.out()).as(result.toString()).isEmpty();
	}

}
