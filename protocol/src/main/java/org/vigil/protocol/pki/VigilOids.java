package org.vigil.protocol.pki;

/**
 * Object identifiers and URNs of the Vigil network.
 *
 * <p>
 * Vigil has no IANA enterprise number, so its arc is a UUID-based OID (ITU-T X.667,
 * {@code 2.25.<uuid as an integer>}), which anyone may mint without registration: UUID
 * {@code 48f8db3b-5645-4d0f-a1cb-f38fa1984f04}. Under it, {@code .1} holds key purposes.
 */
public final class VigilOids {

	/** The arc of the Vigil network. */
	public static final String ARC = "2.25.96996551866294858795136541147262373636";

	/**
	 * Extended key usage of a signing certificate: the key signs CMS documents
	 * (preservation requests, receipts) exchanged on the network. Signing certificates
	 * carry this and only this purpose; TLS certificates never carry it, so the verifier
	 * tells them apart by it.
	 */
	public static final String KP_DOCUMENT_SIGNING = ARC + ".1.1";

	/**
	 * Prefix of the subjectAltName URI naming a contact point, followed by its ISO code.
	 */
	public static final String PARTY_URN_PREFIX = "urn:vigil:party:";

	/** The subjectAltName URI naming the network itself. */
	public static final String NETWORK_URN = "urn:vigil:network";

	/** Any URI that starts so claims to name a Vigil party, well-formed or not. */
	static final String VIGIL_URN_PREFIX = "urn:vigil:";

	private VigilOids() {
	}

}
