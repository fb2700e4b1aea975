package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The officer who acknowledged did not answer in time: the alert comes back, to them
 * first, and climbs the ladder again from their step if they do not acknowledge anew.
 *
 * @param acknowledgedBy who had acknowledged
 * @param due when the answer was due
 */
public record ResponseOverdue(RequestId requestId, long sequence, Instant at, OfficerId acknowledgedBy,
		Instant due) implements RequestEvent {

	public ResponseOverdue {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
		Objects.requireNonNull(due, "due");
	}

}
