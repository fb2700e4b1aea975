package org.vigil.embedded.redis;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisBinaryTest {

	private static final String THIS_PLATFORM = RedisBinary.jarResourceName(System.getProperty("os.name"),
			System.getProperty("os.arch"));

	@TempDir
	Path cacheDir;

	@Test
	void extractsTheJarBinaryWhenThereIsNoOverrideAndNoSearchPath() throws Exception {
		Path binary = RedisBinary.locate(this.cacheDir, null, "", THIS_PLATFORM);

		assertThat(binary).isEqualTo(this.cacheDir.resolve(THIS_PLATFORM)).isExecutable();
		assertThat(versionOutput(binary)).contains("Redis server v=" + RedisBinary.JAR_VERSION);
	}

	@Test
	void reusesABinaryAlreadyExtractedWithTheSameSize() throws IOException {
		Path first = RedisBinary.locate(this.cacheDir, null, "", THIS_PLATFORM);
		FileTime extractedAt = FileTime.fromMillis(0);
		Files.setLastModifiedTime(first, extractedAt);

		Path second = RedisBinary.locate(this.cacheDir, null, "", THIS_PLATFORM);

		assertThat(second).isEqualTo(first);
		assertThat(Files.getLastModifiedTime(second)).isEqualTo(extractedAt);
	}

	@Test
	void replacesABrokenExtraction() throws Exception {
		Path target = this.cacheDir.resolve(THIS_PLATFORM);
		Files.writeString(target, "not redis");
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));

		Path binary = RedisBinary.locate(this.cacheDir, null, "", THIS_PLATFORM);

		assertThat(binary).isEqualTo(target);
		assertThat(Files.size(binary)).isGreaterThan(1_000_000);
		assertThat(versionOutput(binary)).contains("Redis server v=");
	}

	@Test
	void prefersARedisServerOnTheSearchPath(@TempDir Path binDir) throws IOException {
		Path onPath = Files.writeString(binDir.resolve("redis-server"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(onPath, PosixFilePermissions.fromString("rwxr-xr-x"));

		Path binary = RedisBinary.locate(this.cacheDir, null, "/nonexistent" + File.pathSeparator + binDir,
				THIS_PLATFORM);

		assertThat(binary).isEqualTo(onPath);
		assertThat(this.cacheDir).isEmptyDirectory();
	}

	@Test
	void skipsANonExecutableFileOnTheSearchPath(@TempDir Path binDir) throws IOException {
		Files.writeString(binDir.resolve("redis-server"), "not executable");

		Path binary = RedisBinary.locate(this.cacheDir, null, binDir.toString(), THIS_PLATFORM);

		assertThat(binary).isEqualTo(this.cacheDir.resolve(THIS_PLATFORM));
	}

	@Test
	void explicitOverrideWinsAndMustBeExecutable(@TempDir Path binDir) throws IOException {
		Path custom = Files.writeString(binDir.resolve("my-redis"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(custom, PosixFilePermissions.fromString("rwxr-xr-x"));

		assertThat(RedisBinary.locate(this.cacheDir, custom.toString(), "", THIS_PLATFORM)).isEqualTo(custom);
		assertThatIllegalStateException()
			.isThrownBy(
					() -> RedisBinary.locate(this.cacheDir, binDir.resolve("missing").toString(), "", THIS_PLATFORM))
			.withMessageContaining(RedisBinary.PROPERTY)
			.withMessageContaining("not an executable file");
	}

	@Test
	void tellsHowToInstallRedisWhenNothingIsFound() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisBinary.locate(this.cacheDir, null, "", "redis-server-7.0.15-plan9-mips"))
			.withMessageContaining("Install the OS package redis-server")
			.withMessageContaining("redis-server-7.0.15-plan9-mips");
	}

	@ParameterizedTest
	@CsvSource({ "Linux, amd64, redis-server-7.0.15-linux-amd64", "Linux, aarch64, redis-server-7.0.15-linux-arm64",
			"Mac OS X, x86_64, redis-server-7.0.15-darwin-amd64",
			"Mac OS X, aarch64, redis-server-7.0.15-darwin-arm64" })
	void namesTheJarResourceAfterOsAndArchitecture(String osName, String osArch, String resource) {
		assertThat(RedisBinary.jarResourceName(osName, osArch)).isEqualTo(resource);
	}

	private static String versionOutput(Path binary) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("redis-server --version finished").isTrue();
		assertThat(process.exitValue()).isZero();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
