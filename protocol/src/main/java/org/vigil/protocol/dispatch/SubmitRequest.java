package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

/**
 * A request the network has accepted and must now route: once this record is in Kafka,
 * the network owes the requester an answer.
 *
 * @param request the request as submitted, read from {@code signed}
 * @param signed the exact signed bytes the network accepted
 * @param submittedBy the person or national system that submitted it
 * @param acceptedAt when the gateway accepted it; the first acknowledgement deadline is
 * planned from this instant
 */
public record SubmitRequest(PreservationRequest request, SignedRequest signed, OfficerId submittedBy,
		Instant acceptedAt) implements DispatchCommand {

	public SubmitRequest {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(signed, "signed");
		Objects.requireNonNull(submittedBy, "submittedBy");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

	@Override
	public RequestId requestId() {
		return this.request.id();
	}

}
