package org.vigil.protocol.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;

/**
 * People were paged for a request and must acknowledge before {@code deadline}.
 *
 * @param step the ladder step, from 1; steps past the policy's last are the network
 * coordinator's
 * @param fence increases with every alert of this request; a timer or an acknowledgement
 * that names an older fence refers to a superseded alert
 * @param officers who was paged, never empty
 * @param reason why these people were paged (rotation, override, policy step), for the
 * record
 * @param deadline planned from the previous deadline, never from "now", so lateness does
 * not add up over steps
 * @param drill whether the request is a reachability drill, so that the console can say
 * so unmistakably; {@code false} in events written before drills existed
 */
public record OfficersAlerted(RequestId requestId, long sequence, Instant at, CountryCode from, CountryCode to,
		Urgency urgency, int step, long fence, List<OfficerId> officers, String reason, Instant deadline,
		Boolean drill) implements RequestEvent {

	public OfficersAlerted {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(deadline, "deadline");
		officers = List.copyOf(officers);
		// A Boolean, not a boolean: a record written before drills existed has no such
		// property, and the wire mapper refuses a missing primitive.
		drill = Boolean.TRUE.equals(drill);
		if (officers.isEmpty()) {
			throw new IllegalArgumentException("an alert pages at least one officer");
		}
	}

	/** An alert for a real request. */
	public OfficersAlerted(RequestId requestId, long sequence, Instant at, CountryCode from, CountryCode to,
			Urgency urgency, int step, long fence, List<OfficerId> officers, String reason, Instant deadline) {
		this(requestId, sequence, at, from, to, urgency, step, fence, officers, reason, deadline, false);
	}

}
