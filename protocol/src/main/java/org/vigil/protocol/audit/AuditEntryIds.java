package org.vigil.protocol.audit;

import org.vigil.protocol.RequestId;
import org.vigil.protocol.event.RequestEvent;

/**
 * The one place that builds audit entry ids. An id names a fact, not a write: whoever
 * records the same fact again (a replay, a retry) builds the same id, and the ledger
 * keeps the first entry of each id. A receipt names the id of the entry that records its
 * step, so that anyone holding the receipt can ask the ledger for that entry's inclusion
 * proof.
 *
 * <p>
 * Request ids hold only {@code [A-Za-z0-9._-]}, so {@code :} separates the parts without
 * ambiguity and an id needs no escaping in a query string.
 */
public final class AuditEntryIds {

	private AuditEntryIds() {
	}

	/**
	 * The entry of a lifecycle event: {@code event:<request id>:<event sequence>}. Events
	 * are numbered per request without gaps, so the pair names one event.
	 */
	public static String ofEvent(RequestEvent event) {
		return ofEvent(event.requestId(), event.sequence());
	}

	/** The entry of the event {@code sequence} of a request. */
	public static String ofEvent(RequestId requestId, long sequence) {
		return "event:" + requestId.value() + ":" + sequence;
	}

	/**
	 * The entry of the network's acceptance of a request: {@code submit:<request id>}. A
	 * request id is accepted once (the same bytes again are a replay, other bytes a
	 * conflict).
	 */
	public static String ofSubmission(RequestId requestId) {
		return "submit:" + requestId.value();
	}

}
