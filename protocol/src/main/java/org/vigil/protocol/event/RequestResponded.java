package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.dispatch.Response;

/**
 * The requested Party answered the request.
 *
 * @param by who answered
 * @param response the answer; for {@code PRESERVED} its {@code preservedUntil} is the
 * date in force, the default period applied if the officer named none
 */
public record RequestResponded(RequestId requestId, long sequence, Instant at, OfficerId by,
		Response response) implements RequestEvent {

	public RequestResponded {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(response, "response");
	}

}
