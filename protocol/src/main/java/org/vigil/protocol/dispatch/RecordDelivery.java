package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * An officer's console showed the alert: the request reached a person, which the
 * requester is owed a receipt for.
 *
 * @param requestId the request
 * @param officer whose console showed it
 * @param acceptedAt when the gateway heard of it
 */
public record RecordDelivery(RequestId requestId, OfficerId officer, Instant acceptedAt) implements DispatchCommand {

	public RecordDelivery {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

}
