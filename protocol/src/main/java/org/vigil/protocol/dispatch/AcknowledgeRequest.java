package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * An officer says "I have this": the ladder stops.
 *
 * @param requestId the request acknowledged
 * @param officer who acknowledged
 * @param acceptedAt when the gateway accepted the acknowledgement
 */
public record AcknowledgeRequest(RequestId requestId, OfficerId officer,
		Instant acceptedAt) implements DispatchCommand {

	public AcknowledgeRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

}
