package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The requester answered the requested Party's question; the time to respond starts
 * again.
 *
 * @param by who answered
 * @param note the information
 * @param respondBy when the requested Party must now answer
 */
public record InformationSupplied(RequestId requestId, long sequence, Instant at, OfficerId by, String note,
		Instant respondBy) implements RequestEvent {

	public InformationSupplied {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(note, "note");
		Objects.requireNonNull(respondBy, "respondBy");
	}

}
