package org.vigil.protocol.receipt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;

/**
 * What the network vouches for. A receipt travels as the CMS SignedData of its canonical
 * JSON (RFC 8785), signed with the network's signing key, so that the sender can verify
 * it offline with the network CA certificate alone.
 *
 * @param kind which step it vouches for
 * @param requestId the request
 * @param requestDigest {@code sha-256:} and the lower-case hex SHA-256 of the exact
 * signed request bytes the network accepted (the CMS SignedData as sent)
 * @param from the requesting Party
 * @param to the requested Party
 * @param at when the step happened
 * @param actor {@code network} for ACCEPTED; the officer's id for DELIVERED and
 * ACKNOWLEDGED
 * @param statement the step in words, including on whose behalf the request was signed
 * when the network signed it for a person using the console
 * @param auditEntry the id of the audit entry that records this step
 * ({@link org.vigil.protocol.audit.AuditEntryIds}): the audit ledger gives it a sequence
 * number when it reaches the log, and serves that entry's inclusion proof by this id
 * ({@code GET /api/v1/audit/proof/inclusion?entry=…}, or
 * {@code vigil audit prove --entry} over an export); null in receipts issued before the
 * audit ledger, and then left out of the JSON
 */
public record Receipt(ReceiptKind kind, RequestId requestId, String requestDigest, CountryCode from, CountryCode to,
		Instant at, String actor, String statement, @JsonInclude(JsonInclude.Include.NON_NULL) String auditEntry) {

	private static final Pattern DIGEST = Pattern.compile("sha-256:[0-9a-f]{64}");

	public Receipt {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(statement, "statement");
		if (requestDigest == null || !DIGEST.matcher(requestDigest).matches()) {
			throw new IllegalArgumentException("a request digest is 'sha-256:' and 64 lower-case hex digits");
		}
	}

	/** The digest of signed request bytes, in the form receipts name it. */
	public static String digestOf(byte[] signedRequest) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(signedRequest);
			return "sha-256:" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
