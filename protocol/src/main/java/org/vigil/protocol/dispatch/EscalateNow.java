package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * Someone moves the ladder to its next step at once, without waiting for the deadline:
 * the paged officer knows they cannot act, or a supervisor sees it cannot wait.
 *
 * @param requestId the request
 * @param by who escalated
 * @param acceptedAt when the gateway accepted the command
 */
public record EscalateNow(RequestId requestId, OfficerId by, Instant acceptedAt) implements DispatchCommand {

	public EscalateNow {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

}
