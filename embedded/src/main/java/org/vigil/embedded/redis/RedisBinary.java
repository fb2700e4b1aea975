package org.vigil.embedded.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a {@code redis-server} executable. In order:
 * <ol>
 * <li>the system property {@value #PROPERTY} or the environment variable {@value #ENV},
 * if set;</li>
 * <li>{@code redis-server} in a directory on {@code PATH}, or in {@code /usr/bin} or
 * {@code /usr/sbin};</li>
 * <li>the statically linked redis-server {@value #JAR_VERSION} that the
 * {@code org.signal:embedded-redis} jar carries for Linux and macOS, extracted to a cache
 * directory.</li>
 * </ol>
 */
public final class RedisBinary {

	/** System property naming the redis-server to use. */
	public static final String PROPERTY = "vigil.redis-server";

	/** Environment variable naming the redis-server to use. */
	public static final String ENV = "VIGIL_REDIS_SERVER";

	/** Version of the binaries in the org.signal:embedded-redis jar. */
	static final String JAR_VERSION = "7.0.15";

	private static final String EXECUTABLE = "redis-server";

	private RedisBinary() {
	}

	/**
	 * Returns a redis-server executable, looking in the order given in the class comment.
	 * @param cacheDir where to extract the binary shipped in the embedded-redis jar, if
	 * it comes to that; created if missing, and a binary already extracted there is
	 * reused
	 * @return the path of an executable file
	 * @throws IllegalStateException if no binary can be found, with a message telling how
	 * to install one
	 */
	public static Path locate(Path cacheDir) {
		String override = System.getProperty(PROPERTY);
		if (override == null || override.isBlank()) {
			override = System.getenv(ENV);
		}
		String searchPath = String.join(File.pathSeparator, nullToEmpty(System.getenv("PATH")), "/usr/bin",
				"/usr/sbin");
		String resource = jarResourceName(System.getProperty("os.name"), System.getProperty("os.arch"));
		return locate(cacheDir, override, searchPath, resource);
	}

	/**
	 * Same as {@link #locate(Path)} with the sources given explicitly, so tests can force
	 * the jar fallback.
	 * @param cacheDir where to extract the jar's binary
	 * @param override an explicit path, or {@code null} or blank for none
	 * @param searchPath directories separated by {@link File#pathSeparator}; empty to
	 * skip the search
	 * @param jarResource the name of the binary's resource in the embedded-redis jar
	 */
	static Path locate(Path cacheDir, String override, String searchPath, String jarResource) {
		if (override != null && !override.isBlank()) {
			Path explicit = Path.of(override);
			if (!isExecutableFile(explicit)) {
				throw new IllegalStateException(PROPERTY + " / " + ENV + " is set to " + override
						+ ", which is not an executable file. Point it at a redis-server binary, or unset it.");
			}
			return explicit;
		}
		for (String dir : searchPath.split(File.pathSeparator)) {
			if (!dir.isBlank()) {
				Path candidate = Path.of(dir, EXECUTABLE);
				if (isExecutableFile(candidate)) {
					return candidate;
				}
			}
		}
		return extractFromJar(jarResource, cacheDir)
			.orElseThrow(() -> new IllegalStateException("No redis-server found: " + PROPERTY + " and " + ENV
					+ " are not set, there is no redis-server on PATH, in /usr/bin or in "
					+ "/usr/sbin, and the org.signal:embedded-redis jar on the classpath has no binary for this platform "
					+ "(looked for resource " + jarResource + "). Install the OS package redis-server (Debian/Ubuntu: "
					+ "apt-get install redis-server; macOS: brew install redis), or set -D" + PROPERTY + "=/path/to/"
					+ "redis-server."));
	}

	/**
	 * Builds the name of the resource in the embedded-redis jar; listing the jar is not
	 * possible through a class loader, so the name is derived from version, OS and
	 * architecture, e.g. {@code redis-server-7.0.15-linux-amd64}.
	 */
	static String jarResourceName(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = osArch.toLowerCase(Locale.ROOT);
		String osPart = os.contains("linux") ? "linux" : (os.contains("mac") || os.contains("darwin")) ? "darwin" : os;
		String archPart = switch (arch) {
			case "amd64", "x86_64" -> "amd64";
			case "aarch64", "arm64" -> "arm64";
			case "x86", "i386", "i486", "i586", "i686" -> "386";
			default -> arch;
		};
		return EXECUTABLE + "-" + JAR_VERSION + "-" + osPart + "-" + archPart;
	}

	private static Optional<Path> extractFromJar(String resource, Path cacheDir) {
		URL url = RedisBinary.class.getClassLoader().getResource(resource);
		if (url == null) {
			return Optional.empty();
		}
		Path target = cacheDir.resolve(resource);
		try {
			URLConnection connection = url.openConnection();
			long size = connection.getContentLengthLong();
			if (isExecutableFile(target) && Files.size(target) == size) {
				return Optional.of(target);
			}
			Files.createDirectories(cacheDir);
			// Write aside, then rename into place: other JVMs (parallel test forks)
			// may be extracting or running the same file and must never see half of it.
			Path partial = Files.createTempFile(cacheDir, resource, ".part");
			try {
				try (InputStream in = connection.getInputStream()) {
					Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
				}
				makeExecutable(partial);
				moveIntoPlace(partial, target);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			return Optional.of(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not extract " + resource + " from the embedded-redis jar to "
					+ cacheDir + " (is the directory writable?)", ex);
		}
	}

	private static void makeExecutable(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (UnsupportedOperationException ex) {
			if (!file.toFile().setExecutable(true)) {
				throw new IOException("Could not make " + file + " executable", ex);
			}
		}
	}

	private static void moveIntoPlace(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static boolean isExecutableFile(Path file) {
		return Files.isRegularFile(file) && Files.isExecutable(file);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
