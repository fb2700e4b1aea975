package org.vigil.directory.party;

/**
 * What a person may do in the network. Every role but the network-wide ones is scoped to
 * the person's own country.
 */
public enum Role {

	/** Files requests on behalf of their country. */
	REQUESTER,

	/** Is paged when on call and acknowledges and answers requests to their country. */
	OFFICER,

	/**
	 * Is paged when a ladder reaches the supervisor step; sees their country's open
	 * requests.
	 */
	SUPERVISOR,

	/** Reads the audit log. */
	AUDITOR,

	/** Edits their own country's directory entry. */
	COUNTRY_ADMIN,

	/** Edits every entry of the directory. */
	NETWORK_ADMIN,

	/** The network coordinator: last resort of every ladder, across all countries. */
	COORDINATOR

}
