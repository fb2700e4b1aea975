package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;

/**
 * The dispatcher took charge of a request and fixed the escalation ladder it will follow.
 *
 * @param policyVersion the version of the receiving contact point's policy snapshotted
 * into the request; later edits to the policy do not change this request's ladder
 * @param steps how many steps the ladder has before the network coordinator
 * @param drill whether the request is a reachability drill; {@code false} in events
 * written before drills existed
 */
public record RequestRouted(RequestId requestId, long sequence, Instant at, CountryCode from, CountryCode to,
		Urgency urgency, long policyVersion, int steps, Boolean drill) implements RequestEvent {

	public RequestRouted {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(urgency, "urgency");
		// A Boolean, not a boolean: a record written before drills existed has no such
		// property, and the wire mapper refuses a missing primitive.
		drill = Boolean.TRUE.equals(drill);
	}

	/** A real request's routing. */
	public RequestRouted(RequestId requestId, long sequence, Instant at, CountryCode from, CountryCode to,
			Urgency urgency, long policyVersion, int steps) {
		this(requestId, sequence, at, from, to, urgency, policyVersion, steps, false);
	}

}
