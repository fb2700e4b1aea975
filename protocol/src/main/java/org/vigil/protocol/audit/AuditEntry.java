package org.vigil.protocol.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.vigil.protocol.CountryCode;

/**
 * One thing that happened, as the audit log records it. Holds metadata and digests only:
 * never the contents of a request, so that the log can be kept and shown to auditors for
 * as long as a court may ask.
 *
 * <p>
 * {@code id} and {@code parties} came after the first entries were written; they are left
 * out of the JSON when null, so that an entry written before them keeps its canonical
 * bytes, and with them its leaf in the ledger's tree.
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
 * @param id the entry's own id when the fact it records has one that a replay gives again
 * ({@link AuditEntryIds}): the ledger numbers the first entry of an id and skips later
 * ones, and a receipt names it; null otherwise
 * @param parties the Parties the entry concerns (a request's requesting and requested
 * Party, a directory entry's Party), when its writer knows them; null otherwise
 */
public record AuditEntry(Instant at, String actor, String action, String object, String outcome, String detail,
		String correlationId, String digest, @JsonInclude(JsonInclude.Include.NON_NULL) String id,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<CountryCode> parties) {

	/** The longest id accepted: ids are built by {@link AuditEntryIds}, never typed. */
	public static final int MAX_ID_LENGTH = 160;

	public AuditEntry {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(correlationId, "correlationId");
		detail = (detail != null) ? detail : "";
		if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH)) {
			throw new IllegalArgumentException("an audit entry id is 1 to " + MAX_ID_LENGTH + " characters");
		}
		parties = (parties != null) ? List.copyOf(parties) : null;
	}

	/** An entry with no id of its own and no Parties named. */
	public AuditEntry(Instant at, String actor, String action, String object, String outcome, String detail,
			String correlationId, String digest) {
		this(at, actor, action, object, outcome, detail, correlationId, digest, null, null);
	}

	/** Whether the entry concerns {@code country}, by what it names itself. */
	public boolean concerns(CountryCode country) {
		return this.parties != null && this.parties.contains(country);
	}

}
