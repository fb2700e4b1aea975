package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone network's key for acknowledgement links: 32 random bytes, created once
 * and kept with the rest of the data, so that links in messages sent before a restart
 * still work after it. The notifier signs links with it, the gateway verifies them.
 */
final class DevLinkKey {

	private static final Logger log = LoggerFactory.getLogger(DevLinkKey.class);

	private DevLinkKey() {
	}

	/** The key's base64, creating the file first if it does not exist. */
	static String ensure(Path file) {
		Path absolute = file.toAbsolutePath();
		try {
			if (!Files.exists(absolute)) {
				Files.createDirectories(absolute.getParent());
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.writeString(absolute, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
				try {
					Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the data folder's own permissions apply.
				}
				log.info("Created the acknowledgement link key in {}", absolute);
			}
			return Files.readString(absolute, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
