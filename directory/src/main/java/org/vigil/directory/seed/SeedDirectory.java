package org.vigil.directory.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.protocol.json.WireJson;

/**
 * A whole directory, as loaded from a JSON document.
 *
 * @param network the network settings
 * @param contactPoints one per Party
 */
public record SeedDirectory(NetworkSettings network, List<ContactPoint> contactPoints) {

	public SeedDirectory {
		Objects.requireNonNull(network, "network");
		contactPoints = List.copyOf(contactPoints);
		long distinct = contactPoints.stream().map(ContactPoint::country).distinct().count();
		if (distinct != contactPoints.size()) {
			throw new IllegalArgumentException("a seed directory has one contact point per Party");
		}
	}

	/** The demo directory that ships with Vigil: a few Parties, fictional officers. */
	public static SeedDirectory demo() {
		return resource("demo-directory.json");
	}

	/**
	 * Every Party to the Budapest Convention, real names, codes, zones and treaty status,
	 * fictional staff and channels; the five demo Parties with the same staff and rosters
	 * as {@link #demo()}.
	 */
	public static SeedDirectory parties() {
		return resource("parties-directory.json");
	}

	private static SeedDirectory resource(String name) {
		try (InputStream in = SeedDirectory.class.getResourceAsStream(name)) {
			return read(Objects.requireNonNull(in, name + " is missing from the classpath"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static SeedDirectory read(InputStream json) throws IOException {
		return WireJson.read(json.readAllBytes(), SeedDirectory.class);
	}

}
