package org.vigil.gateway.signing;

/**
 * What a national system says, outside the signature, about the request it sends: the
 * {@code Vigil-Request-Id}, {@code Vigil-From}, {@code Vigil-To} and
 * {@code Vigil-Created-At} headers. The gateway refuses a request whose signed content
 * says otherwise, so that nothing can be routed on claims the signature does not cover.
 * Any of them may be null when the header is missing.
 */
public record RoutingMetadata(String requestId, String from, String to, String createdAt) {

	public static final String REQUEST_ID = "Vigil-Request-Id";

	public static final String FROM = "Vigil-From";

	public static final String TO = "Vigil-To";

	public static final String CREATED_AT = "Vigil-Created-At";

}
