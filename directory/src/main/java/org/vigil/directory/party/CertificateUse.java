package org.vigil.directory.party;

/**
 * What a contact point's certificate is for.
 */
public enum CertificateUse {

	/** Signs the requests the contact point sends. */
	SIGNING,

	/** Authenticates its national system to the gateway (mutual TLS). */
	TLS_CLIENT

}
