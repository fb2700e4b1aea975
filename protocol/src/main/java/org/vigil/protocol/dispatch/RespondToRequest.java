package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * An officer of the requested Party answers the request. Answering a request nobody has
 * acknowledged yet acknowledges it too.
 *
 * @param requestId the request
 * @param officer who answers
 * @param response the answer
 * @param acceptedAt when the gateway accepted it
 */
public record RespondToRequest(RequestId requestId, OfficerId officer, Response response,
		Instant acceptedAt) implements DispatchCommand {

	public RespondToRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(response, "response");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

}
