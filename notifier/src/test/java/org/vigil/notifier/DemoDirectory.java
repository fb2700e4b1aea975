package org.vigil.notifier;

import java.util.Collection;
import java.util.Optional;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;

/** The demo directory as a {@link DirectoryView}, for tests without Kafka. */
public final class DemoDirectory implements DirectoryView {

	public static final DemoDirectory VIEW = new DemoDirectory();

	private final SeedDirectory seed = SeedDirectory.demo();

	private DemoDirectory() {
	}

	@Override
	public Optional<ContactPoint> contactPoint(CountryCode country) {
		return this.seed.contactPoints().stream().filter((cp) -> cp.country().equals(country)).findFirst();
	}

	@Override
	public Collection<ContactPoint> contactPoints() {
		return this.seed.contactPoints();
	}

	@Override
	public Optional<NetworkSettings> network() {
		return Optional.of(this.seed.network());
	}

}
