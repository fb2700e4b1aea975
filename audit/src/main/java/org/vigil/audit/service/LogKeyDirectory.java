package org.vigil.audit.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.vigil.audit.checkpoint.NoteSigner;
import org.vigil.audit.checkpoint.VerifierKey;

/**
 * A directory holding the log key as {@code vigil audit keygen} writes it:
 * {@code log.key} (PKCS#8 PEM, mode 600) and {@code log.pub} (the verifier key line).
 */
public final class LogKeyDirectory {

	public static final String PRIVATE_KEY = "log.key";

	public static final String VERIFIER_KEY = "log.pub";

	private LogKeyDirectory() {
	}

	/** Whether the directory holds a log key. */
	public static boolean exists(Path dir) {
		return Files.isRegularFile(dir.resolve(PRIVATE_KEY)) && Files.isRegularFile(dir.resolve(VERIFIER_KEY));
	}

	/** Writes a new log key named {@code name}; refuses to replace one. */
	public static NoteSigner create(Path dir, String name) {
		if (exists(dir)) {
			throw new IllegalStateException(dir + " already holds a log key");
		}
		NoteSigner key = NoteSigner.generate(name, new SecureRandom());
		try {
			Files.createDirectories(dir);
			Path privateKey = dir.resolve(PRIVATE_KEY);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(privateKey,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.writeString(privateKey, key.toPem(), StandardCharsets.US_ASCII);
			Files.writeString(dir.resolve(VERIFIER_KEY), key.verifierKey().encoded() + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the log key to " + dir, ex);
		}
		return key;
	}

	/**
	 * The log key: its name is the one in {@code log.pub}, and the private key must be
	 * its other half.
	 */
	public static NoteSigner load(Path dir) {
		try {
			VerifierKey verifier = VerifierKey
				.parse(Files.readString(dir.resolve(VERIFIER_KEY), StandardCharsets.UTF_8).strip());
			NoteSigner key = NoteSigner.fromPem(verifier.name(),
					Files.readString(dir.resolve(PRIVATE_KEY), StandardCharsets.US_ASCII));
			if (!key.verifierKey().equals(verifier)) {
				throw new IllegalStateException(
						dir.resolve(PRIVATE_KEY) + " is not the private half of " + dir.resolve(VERIFIER_KEY));
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the log key in " + dir, ex);
		}
	}

}
