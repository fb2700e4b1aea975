package org.vigil.directory.replica;

import java.util.Collection;
import java.util.Optional;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.protocol.CountryCode;

/**
 * The directory as one service currently sees it.
 */
public interface DirectoryView {

	Optional<ContactPoint> contactPoint(CountryCode country);

	Collection<ContactPoint> contactPoints();

	/**
	 * @return the network settings, or empty before the directory has published them
	 */
	Optional<NetworkSettings> network();

}
