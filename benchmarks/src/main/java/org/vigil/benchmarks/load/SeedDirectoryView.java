package org.vigil.benchmarks.load;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;

/**
 * A fixed directory, for a dispatcher that runs without the directory topic. The demo
 * directory has a 24/7 rotation in every Party, so every step pages someone.
 */
final class SeedDirectoryView implements DirectoryView {

	private final NetworkSettings network;

	private final Map<CountryCode, ContactPoint> contactPoints;

	SeedDirectoryView(SeedDirectory seed) {
		this.network = seed.network();
		this.contactPoints = seed.contactPoints()
			.stream()
			.collect(Collectors.toMap(ContactPoint::country, Function.identity()));
	}

	@Override
	public Optional<ContactPoint> contactPoint(CountryCode country) {
		return Optional.ofNullable(this.contactPoints.get(country));
	}

	@Override
	public Collection<ContactPoint> contactPoints() {
		return this.contactPoints.values();
	}

	@Override
	public Optional<NetworkSettings> network() {
		return Optional.ofNullable(this.network);
	}

}
