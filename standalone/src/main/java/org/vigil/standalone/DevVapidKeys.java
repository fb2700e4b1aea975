package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.notifier.push.EcKeys;

/**
 * The standalone network's VAPID key pair for Web Push, created once and kept with the
 * rest of the data: browsers subscribe with the public key, so a new pair would orphan
 * every subscription. The file holds two lines, the public key (uncompressed P-256 point)
 * and the private scalar, both base64url.
 */
final class DevVapidKeys {

	private static final Logger log = LoggerFactory.getLogger(DevVapidKeys.class);

	private DevVapidKeys() {
	}

	/** The public and private key, creating the file first if it does not exist. */
	static List<String> ensure(Path file) {
		Path absolute = file.toAbsolutePath();
		try {
			if (!Files.exists(absolute)) {
				Files.createDirectories(absolute.getParent());
				KeyPair keys = EcKeys.generate();
				Files.writeString(absolute,
						EcKeys.encode(EcKeys.uncompressed((ECPublicKey) keys.getPublic())) + "\n"
								+ EcKeys.encode(EcKeys.scalar((ECPrivateKey) keys.getPrivate())) + "\n",
						StandardCharsets.US_ASCII);
				try {
					Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the data folder's own permissions apply.
				}
				log.info("Created the Web Push (VAPID) key pair in {}", absolute);
			}
			List<String> lines = Files.readAllLines(absolute, StandardCharsets.US_ASCII)
				.stream()
				.map(String::trim)
				.filter((line) -> !line.isEmpty())
				.toList();
			if (lines.size() != 2) {
				throw new IllegalStateException(absolute + " should hold the VAPID public and private key, one a line");
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
