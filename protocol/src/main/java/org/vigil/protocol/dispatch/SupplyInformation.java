package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The requester answers a {@link ResponseKind#NEEDS_INFORMATION} response; the requested
 * Party's time to respond starts again.
 *
 * @param requestId the request
 * @param by who answers, a requester of the requesting Party
 * @param note the information
 * @param acceptedAt when the gateway accepted it
 */
public record SupplyInformation(RequestId requestId, OfficerId by, String note,
		Instant acceptedAt) implements DispatchCommand {

	public SupplyInformation {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
		if (note == null || note.isBlank()) {
			throw new IllegalArgumentException("the information supplied is not empty");
		}
		if (note.length() > Response.MAX_NOTE_LENGTH) {
			throw new IllegalArgumentException(
					"the information has at most " + Response.MAX_NOTE_LENGTH + " characters");
		}
	}

}
