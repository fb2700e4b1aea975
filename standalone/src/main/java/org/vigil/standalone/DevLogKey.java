package org.vigil.standalone;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.audit.service.LogKeyDirectory;

/**
 * The standalone network's audit log key: created once, as {@code vigil audit keygen}
 * would, and kept with the rest of the data, so that checkpoints signed before a restart
 * still verify with the key auditors were given.
 */
final class DevLogKey {

	/** The log's name, as {@code vigil audit keygen} names it by default. */
	static final String NAME = "vigil/audit";

	private static final Logger log = LoggerFactory.getLogger(DevLogKey.class);

	private DevLogKey() {
	}

	static Path ensure(Path dir) {
		Path absolute = dir.toAbsolutePath();
		if (!LogKeyDirectory.exists(absolute)) {
			LogKeyDirectory.create(absolute, NAME);
			log.info("Created the audit log key {} in {}", NAME, absolute);
		}
		return absolute;
	}

}
