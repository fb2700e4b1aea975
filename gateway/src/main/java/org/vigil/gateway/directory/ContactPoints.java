package org.vigil.gateway.directory;

import org.springframework.http.HttpStatus;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.protocol.CountryCode;

/** Looks up a contact point named in a path, answering 404 for a code that is none. */
final class ContactPoints {

	private ContactPoints() {
	}

	static ContactPoint find(DirectoryView directory, String country) {
		Refused notFound = new Refused(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
				"No contact point '" + country + "' is in the directory");
		try {
			return directory.contactPoint(CountryCode.of(country)).orElseThrow(() -> notFound);
		}
		catch (IllegalArgumentException ex) {
			throw notFound;
		}
	}

}
