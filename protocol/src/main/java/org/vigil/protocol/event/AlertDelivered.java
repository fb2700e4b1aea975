package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The request reached a person for the first time: a paged officer's console showed the
 * alert. Later deliveries, to the same or other officers, are not events of their own.
 *
 * @param officer whose console showed it
 * @param step the step paging at the time
 */
public record AlertDelivered(RequestId requestId, long sequence, Instant at, OfficerId officer,
		int step) implements RequestEvent {

	public AlertDelivered {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(officer, "officer");
	}

}
