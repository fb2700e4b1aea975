package org.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.VigilRunner.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executable jar, run as {@code java -jar} in its own JVM: the exit statuses are the
 * real process's.
 */
class VigilJarIT {

	static Path jar;

	@TempDir
	Path dir;

	@BeforeAll
	static void findJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter((file) -> file.getFileName().toString().matches("vigil-cli-.*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no vigil-cli-*-exec.jar in target; run mvn package"));
		}
	}

	@Test
	void signsAndVerifiesAsAProcess() throws Exception {
		Path pki = this.dir.resolve("pki");
		Path json = Files.write(this.dir.resolve("request.json"), TestRequests.fromFrToDe("FR-2026-000321"));
		Path signed = this.dir.resolve("request.p7s");

		Result init = java("pki", "init", "--out", pki.toString(), "--parties", "FR,DE");
		Result sign = java("sign", "--key", pki.resolve("parties/FR/signing.p12").toString(), "--in", json.toString(),
				"--out", signed.toString());
		Result verify = java("verify", signed.toString(), "--ca", pki.resolve("ca.pem").toString(), "--crl",
				pki.resolve("crl.pem").toString());

		assertThat(init.status()).as(init.toString()).isZero();
		assertThat(sign.status()).as(sign.toString()).isZero();
		assertThat(verify.status()).as(verify.toString()).isZero();
		assertThat(verify.out()).contains("signer:       FR", "FR → DE", "code pénal");
	}

	@Test
	void exitsWithOneOnAFailureAndTwoOnAUsageError() throws Exception {
		Path pki = this.dir.resolve("pki");
		assertThat(java("pki", "init", "--out", pki.toString(), "--parties", "FR").status()).isZero();
		Path garbage = Files.writeString(this.dir.resolve("garbage.p7s"), "not CMS");

		Result failed = java("verify", garbage.toString(), "--pki", pki.toString());
		Result usage = java("verify");

		assertThat(failed.status()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.err()).startsWith("vigil: " + garbage + " is rejected: MALFORMED").hasLineCount(1);
		assertThat(usage.status()).as(usage.toString()).isEqualTo(2);
		assertThat(usage.err()).contains("Usage: vigil verify");
	}

	private Result java(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove(Password.ENV);
		Path out = this.dir.resolve("stdout-" + System.nanoTime());
		Path err = this.dir.resolve("stderr-" + System.nanoTime());
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

}
