package org.vigil.protocol.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened, as the audit log records it. Holds metadata and digests only:
 * never the contents of a request, so that the log can be kept and shown to auditors for
 * as long as a court may ask.
 *
 * @param at when it happened, UTC
 * @param actor who did it: a person's id, or {@code network}
 * @param action what was done, such as {@code SUBMIT_REQUEST}
 * @param object what it was done to, such as a request id; {@code -} when unknown (an
 * unreadable submission)
 * @param outcome {@code ACCEPTED}, or {@code REJECTED} and the problem type
 * @param detail a line of explanation, without request contents
 * @param correlationId ties together the entries of one HTTP exchange or one flow
 * @param digest {@code sha-256:} and the hex SHA-256 of the bytes concerned, or null
 */
public record AuditEntry(Instant at, String actor, String action, String object, String outcome, String detail,
		String correlationId, String digest) {

	public AuditEntry {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(correlationId, "correlationId");
		detail = (detail != null) ? detail : "";
	}

}
