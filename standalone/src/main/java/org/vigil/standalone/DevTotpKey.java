package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

/**
 * The key the standalone network encrypts people's TOTP secrets with in Redis: made once,
 * kept with the rest of the data (readable by its owner only), so that enrolments survive
 * a restart. A deployment gives its own in {@code vigil.gateway.totp.encryption-key}.
 */
final class DevTotpKey {

	private DevTotpKey() {
	}

	/** The key, base64, from the file; made first if missing. */
	static String ensure(Path file) {
		try {
			if (!Files.isRegularFile(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Path folder = file.toAbsolutePath().getParent();
				if (folder != null) {
					Files.createDirectories(folder);
				}
				Files.createFile(file);
				try {
					Files.setPosixFilePermissions(file,
							EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system: nothing to narrow
				}
				Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			}
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make or read the TOTP key " + file, ex);
		}
	}

}
