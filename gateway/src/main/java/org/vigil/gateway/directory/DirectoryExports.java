package org.vigil.gateway.directory;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.gateway.problem.DirectoryNotReady;
import org.vigil.protocol.directory.DirectoryExport;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.signing.CmsSigner;

/**
 * Signs the whole directory, as this gateway's replica holds it now, with the network's
 * credential: a {@link DirectoryExport} whose {@code network} and {@code contactPoints}
 * are the {@link SeedDirectory} shape, written by the wire mapper from the directory's
 * own records, so that whatever the model holds is exported and an import is a seed file
 * another deployment can load.
 */
class DirectoryExports {

	private final DirectoryView directory;

	private final CmsSigner network;

	private final Clock clock;

	DirectoryExports(DirectoryView directory, CmsSigner network, Clock clock) {
		this.directory = Objects.requireNonNull(directory, "directory");
		this.network = Objects.requireNonNull(network, "network");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * @return DER-encoded CMS SignedData over the export's canonical JSON
	 * @throws DirectoryNotReady if the replica has no network settings or no contact
	 * point yet: an empty export signed by the network would be a false statement
	 */
	byte[] signed() {
		NetworkSettings settings = this.directory.network()
			.orElseThrow(() -> new DirectoryNotReady("The directory's network settings are not loaded yet"));
		// Sorted, so that two exports of the same directory hold the same bytes but for
		// the instant and signature.
		List<ContactPoint> contactPoints = this.directory.contactPoints()
			.stream()
			.sorted(Comparator.comparing((ContactPoint contactPoint) -> contactPoint.country().value()))
			.toList();
		if (contactPoints.isEmpty()) {
			throw new DirectoryNotReady("No contact point of the directory is loaded yet");
		}
		byte[] seed = WireJson.write(new SeedDirectory(settings, contactPoints));
		return this.network.sign(DirectoryExport.of(seed, this.clock.instant()).content());
	}

}
