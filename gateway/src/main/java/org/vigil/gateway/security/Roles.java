package org.vigil.gateway.security;

/**
 * The {@code @PreAuthorize} expressions of the gateway, in one place, matching the table
 * of docs/security.md. They say which roles may call a method at all; the methods still
 * check the country and the request themselves.
 */
public final class Roles {

	/** Anyone logged in, person or national system. */
	public static final String ANYONE = "isAuthenticated()";

	/** Filing requests and reading what one filed: requesters and national systems. */
	public static final String REQUESTER = "hasRole('REQUESTER')";

	/**
	 * Acting on a request as the requested Party: officers, supervisors, coordinators.
	 */
	public static final String OFFICER = "hasAnyRole('OFFICER', 'SUPERVISOR', 'COORDINATOR')";

	/**
	 * Answering the requested Party's question: the requesting Party, or a coordinator.
	 */
	public static final String REQUESTER_OR_COORDINATOR = "hasAnyRole('REQUESTER', 'COORDINATOR')";

	/** The overview of open requests. */
	public static final String SUPERVISOR_OR_COORDINATOR = "hasAnyRole('SUPERVISOR', 'COORDINATOR')";

	/** Starting drills. */
	public static final String DRILL_STARTER = "hasAnyRole('COORDINATOR', 'NETWORK_ADMIN', 'COUNTRY_ADMIN')";

	/** Changing the directory (with a second factor: VigilUser withholds these roles). */
	public static final String DIRECTORY_ADMIN = "hasAnyRole('COUNTRY_ADMIN', 'NETWORK_ADMIN')";

	private Roles() {
	}

}
