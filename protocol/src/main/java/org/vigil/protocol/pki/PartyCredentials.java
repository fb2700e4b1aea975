package org.vigil.protocol.pki;

import java.util.Objects;

import org.vigil.protocol.CountryCode;

/**
 * What the network CA issues to one contact point.
 *
 * @param country the contact point
 * @param signing its key for signing CMS documents
 * @param tlsClient its key for mutual TLS towards the network
 */
public record PartyCredentials(CountryCode country, Credential signing, Credential tlsClient) {

	public PartyCredentials {
		Objects.requireNonNull(country, "country");
		Objects.requireNonNull(signing, "signing");
		Objects.requireNonNull(tlsClient, "tlsClient");
	}

}
