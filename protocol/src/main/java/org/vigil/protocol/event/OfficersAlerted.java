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
 */
public record OfficersAlerted(RequestId requestId, long sequence, Instant at, CountryCode from, CountryCode to,
		Urgency urgency, int step, long fence, List<OfficerId> officers, String reason,
		Instant deadline) implements RequestEvent {

	public OfficersAlerted {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(deadline, "deadline");
		officers = List.copyOf(officers);
		if (officers.isEmpty()) {
			throw new IllegalArgumentException("an alert pages at least one officer");
		}
	}

}
