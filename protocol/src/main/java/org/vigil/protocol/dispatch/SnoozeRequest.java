package org.vigil.protocol.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The officer who acknowledged a request asks to be alerted again after {@code duration}
 * instead of when the time to respond runs out. The dispatcher bounds both the duration
 * and the number of snoozes, so a request cannot be put off for ever.
 *
 * @param requestId the request
 * @param officer who snoozes
 * @param duration how long until the alert comes back
 * @param acceptedAt when the gateway accepted it
 */
public record SnoozeRequest(RequestId requestId, OfficerId officer, Duration duration,
		Instant acceptedAt) implements DispatchCommand {

	public SnoozeRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(duration, "duration");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("a snooze lasts some time");
		}
	}

}
