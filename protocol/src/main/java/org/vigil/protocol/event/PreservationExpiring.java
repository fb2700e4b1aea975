package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;

/**
 * A preservation will lapse soon: the requester is reminded to send the mutual-assistance
 * request or ask for an extension (Art. 29(7)).
 *
 * @param from the requesting Party, who is reminded
 * @param to the Party that preserves the data
 * @param preservedUntil when the preservation lapses
 */
public record PreservationExpiring(RequestId requestId, long sequence, Instant at, CountryCode from, CountryCode to,
		Instant preservedUntil) implements RequestEvent {

	public PreservationExpiring {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(preservedUntil, "preservedUntil");
	}

}
