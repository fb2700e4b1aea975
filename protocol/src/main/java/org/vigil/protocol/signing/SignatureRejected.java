package org.vigil.protocol.signing;

import java.util.Objects;

/**
 * A CMS document the verifier refuses, with the first check it failed.
 */
public class SignatureRejected extends RuntimeException {

	/**
	 * Why a document was refused, in the order the verifier checks: a document that fails
	 * several checks is refused for the first of them.
	 */
	public enum Reason {

		/**
		 * Not a DER-encoded CMS SignedData the network accepts: empty, too large,
		 * garbage, truncated, BER or trailing bytes, another content type, no or empty
		 * encapsulated content, not exactly one signer, signer certificate absent or
		 * ambiguous, missing or duplicated signed attributes.
		 */
		MALFORMED,

		/**
		 * An algorithm outside the policy: digest, signature, the signer's key (curve,
		 * RSA), or the signature of a certificate in the chain (SHA-1, MD5...).
		 */
		WEAK_ALGORITHM,

		/** The signature or the message digest does not verify. */
		BAD_SIGNATURE,

		/** No PKIX path from the signer certificate to a trust anchor. */
		UNTRUSTED_CHAIN,

		/** A certificate of the path had expired at the verifier's instant. */
		CERTIFICATE_EXPIRED,

		/** A certificate of the path was not yet valid at the verifier's instant. */
		CERTIFICATE_NOT_YET_VALID,

		/** A certificate of the path is on a CRL of its issuer. */
		REVOKED,

		/**
		 * Revocation could not be decided: no CRL, a CRL not signed by the issuer, past
		 * its nextUpdate, or with critical extensions the verifier does not handle.
		 * Checked in the same step as {@link #REVOKED}: a certificate listed on an
		 * authentic CRL is REVOKED even when that CRL is stale.
		 */
		REVOCATION_UNKNOWN,

		/**
		 * The signer certificate is not a document-signing certificate: no
		 * digitalSignature key usage, a CA (or CA key usages), no Vigil document-signing
		 * extended key usage, or a TLS purpose.
		 */
		WRONG_KEY_USAGE,

		/** The signer certificate names no Vigil party, or several. */
		UNKNOWN_PARTY

	}

	private final Reason reason;

	public SignatureRejected(Reason reason, String message) {
		super(reason + ": " + message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public SignatureRejected(Reason reason, String message, Throwable cause) {
		super(reason + ": " + message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return this.reason;
	}

}
