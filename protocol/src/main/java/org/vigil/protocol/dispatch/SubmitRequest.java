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
 * @param drill whether this is a reachability drill filed by the network: it escalates
 * like a real request, but an acknowledgement closes it and nobody owes an answer;
 * {@code false} in records written before drills existed
 */
public record SubmitRequest(PreservationRequest request, SignedRequest signed, OfficerId submittedBy,
		Instant acceptedAt, Boolean drill) implements DispatchCommand {

	/** The network's own id as the submitter of drills. */
	public static final OfficerId NETWORK = OfficerId.of("network");

	public SubmitRequest {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(signed, "signed");
		Objects.requireNonNull(submittedBy, "submittedBy");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
		// A Boolean, not a boolean: a record written before drills existed has no such
		// property, and the wire mapper refuses a missing primitive.
		drill = Boolean.TRUE.equals(drill);
	}

	/** A real request, not a drill. */
	public SubmitRequest(PreservationRequest request, SignedRequest signed, OfficerId submittedBy, Instant acceptedAt) {
		this(request, signed, submittedBy, acceptedAt, false);
	}

	@Override
	public RequestId requestId() {
		return this.request.id();
	}

}
