package org.vigil.directory.replica;

import java.util.Optional;

import org.vigil.protocol.CountryCode;

/**
 * The record keys of {@link org.vigil.protocol.Topics#DIRECTORY}:
 * {@code party/<ISO code>} for a contact point, {@code network} for the network settings.
 */
public final class DirectoryKeys {

	public static final String NETWORK = "network";

	private static final String PARTY_PREFIX = "party/";

	private DirectoryKeys() {
	}

	public static String party(CountryCode country) {
		return PARTY_PREFIX + country.value();
	}

	/** The country a key names, or empty if it names no contact point. */
	public static Optional<CountryCode> country(String key) {
		if (key == null || !key.startsWith(PARTY_PREFIX)) {
			return Optional.empty();
		}
		return Optional.of(CountryCode.of(key.substring(PARTY_PREFIX.length())));
	}

}
