package org.vigil.notifier.plan;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.DeliveryKey;

/**
 * One message an alert owes, and when.
 *
 * @param key to whom, by which channel, for which step; also its idempotency key
 * @param due when to send it: the alert's time plus the rule's delay
 * @param order its place among the officer's messages of this step, which is the order a
 * failed channel hands over in
 * @param urgency the request's urgency
 * @param from the requesting Party
 * @param to the requested Party
 * @param fence the alert's fence: a later alert of the request supersedes it
 * @param alertSequence the alert event's sequence number
 * @param priority first page or re-page
 * @param drill whether the request is a reachability drill
 */
public record PlannedDelivery(DeliveryKey key, Instant due, int order, Urgency urgency, CountryCode from,
		CountryCode to, long fence, long alertSequence, Priority priority, boolean drill) {

	public PlannedDelivery {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(priority, "priority");
	}

}
