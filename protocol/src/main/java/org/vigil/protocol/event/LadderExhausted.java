package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;

/**
 * Every step of the receiving contact point's ladder passed without an acknowledgement.
 * The network coordinator is paged from now on, and the requesting Party is told.
 */
public record LadderExhausted(RequestId requestId, long sequence, Instant at, CountryCode from,
		CountryCode to) implements RequestEvent {

	public LadderExhausted {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
	}

}
