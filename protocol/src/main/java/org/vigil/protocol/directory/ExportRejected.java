package org.vigil.protocol.directory;

import java.util.Objects;

/**
 * A directory export whose CMS signature verified but that is not a directory export of
 * the network. A signature the verifier refuses is a
 * {@link org.vigil.protocol.signing.SignatureRejected} instead.
 */
public class ExportRejected extends RuntimeException {

	/** Why, in the order {@link DirectoryExportVerifier} checks. */
	public enum Reason {

		/** A valid signature, but by a contact point rather than the network. */
		NOT_SIGNED_BY_NETWORK,

		/** The content is not RFC 8785 canonical JSON. */
		NOT_CANONICAL,

		/**
		 * Canonical JSON, but not a directory export: another format or version, a
		 * missing or extra member, no valid {@code exportedAt}, contact points without a
		 * country or with one twice.
		 */
		INVALID_CONTENT

	}

	private final Reason reason;

	public ExportRejected(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public ExportRejected(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return this.reason;
	}

}
