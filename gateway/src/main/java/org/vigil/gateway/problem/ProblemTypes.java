package org.vigil.gateway.problem;

import java.net.URI;

/**
 * The stable {@code type} of every problem the API answers with, one per kind of failure.
 * They are relative URIs under {@code /problems/}; docs/api.md says what each means.
 */
public final class ProblemTypes {

	public static final URI MALFORMED_REQUEST = URI.create("/problems/malformed-request");

	public static final URI INVALID_FIELDS = URI.create("/problems/invalid-fields");

	public static final URI UNKNOWN_COUNTRY = URI.create("/problems/unknown-country");

	public static final URI NOT_FOUND = URI.create("/problems/not-found");

	public static final URI REQUEST_ID_TAKEN = URI.create("/problems/request-id-taken");

	public static final URI NOT_ALLOWED = URI.create("/problems/not-allowed");

	public static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");

	public static final URI NETWORK_UNAVAILABLE = URI.create("/problems/network-unavailable");

	public static final URI METHOD_NOT_ALLOWED = URI.create("/problems/method-not-allowed");

	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");

	public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");

	public static final URI INTERNAL = URI.create("/problems/internal");

	private ProblemTypes() {
	}

}
