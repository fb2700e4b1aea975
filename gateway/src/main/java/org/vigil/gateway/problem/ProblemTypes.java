package org.vigil.gateway.problem;

import java.net.URI;
import java.util.Locale;

import org.vigil.protocol.signing.SignatureRejected;

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

	/** The gateway's replica of the directory has not loaded it yet. */
	public static final URI DIRECTORY_NOT_READY = URI.create("/problems/directory-not-ready");

	/**
	 * The notifier, in a process of its own, could not be reached or gave no usable
	 * answer to a relayed push receipt.
	 */
	public static final URI NOTIFIER_UNAVAILABLE = URI.create("/problems/notifier-unavailable");

	public static final URI METHOD_NOT_ALLOWED = URI.create("/problems/method-not-allowed");

	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");

	public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");

	public static final URI INTERNAL = URI.create("/problems/internal");

	/** The request is acknowledged already: there is nothing to escalate. */
	public static final URI ALREADY_ACKNOWLEDGED = URI.create("/problems/already-acknowledged");

	/** A signed request whose id the network holds with other bytes. */
	/** Too many calls in a minute; the answer's Retry-After says when to try again. */
	public static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

	/** A change to a directory entry must say which version it changes (If-Match). */
	public static final URI IF_MATCH_REQUIRED = URI.create("/problems/if-match-required");

	/** The directory entry changed since the editor loaded it. */
	public static final URI STALE_ENTRY = URI.create("/problems/stale-entry");

	/** Someone else is saving the same directory entry right now. */
	public static final URI EDIT_IN_PROGRESS = URI.create("/problems/edit-in-progress");

	/** The request is not in a state where this action applies. */
	public static final URI REQUEST_STATE = URI.create("/problems/request-state");

	public static final URI REQUEST_ID_CONFLICT = URI.create("/problems/request-id-conflict");

	/**
	 * The password was right, but this person has a second factor (TOTP) and has not
	 * given a valid, unused code.
	 */
	public static final URI SECOND_FACTOR_REQUIRED = URI.create("/problems/second-factor-required");

	/**
	 * A national system's TLS client certificate is revoked, out of its validity, names
	 * no Party, or revocation cannot be checked.
	 */
	public static final URI CLIENT_CERTIFICATE_REFUSED = URI.create("/problems/client-certificate-refused");

	/** The signed content is not canonical JSON (RFC 8785), duplicate keys included. */
	public static final URI NOT_CANONICAL = URI.create("/problems/signature/not-canonical");

	/** The signed content is canonical JSON but not a valid preservation request. */
	public static final URI INVALID_CONTENT = URI.create("/problems/signature/invalid-content");

	/** The signer, the request's {@code from} and the sender are not the same Party. */
	public static final URI WRONG_COUNTRY = URI.create("/problems/signature/wrong-country");

	/** The signer's certificate is not registered for its Party in the directory. */
	public static final URI SIGNER_NOT_IN_DIRECTORY = URI.create("/problems/signature/signer-not-in-directory");

	/** The routing headers do not match what was signed. */
	public static final URI METADATA_MISMATCH = URI.create("/problems/signature/metadata-mismatch");

	/** The signed {@code createdAt} is outside the allowed clock skew. */
	public static final URI CLOCK_SKEW = URI.create("/problems/signature/clock-skew");

	/**
	 * The type of a signature the verifier refused, one per reason: for example
	 * {@code /problems/signature/bad-signature} or {@code /problems/signature/revoked}.
	 */
	public static URI signature(SignatureRejected.Reason reason) {
		return URI.create("/problems/signature/" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	private ProblemTypes() {
	}

}
