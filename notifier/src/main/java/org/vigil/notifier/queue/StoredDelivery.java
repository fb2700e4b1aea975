package org.vigil.notifier.queue;

import java.time.Instant;

import org.vigil.notifier.plan.Priority;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;

/**
 * A message as the queue holds it.
 *
 * @param key the message
 * @param status where it stands
 * @param due when it is due
 * @param urgency the request's urgency
 * @param from the requesting Party
 * @param to the requested Party
 * @param fence the fence of the alert that planned it
 * @param alertSequence the sequence of that alert
 * @param priority first page, re-page or status
 * @param attempts how many times it was handed to a channel
 * @param drill whether the request is a drill
 */
public record StoredDelivery(DeliveryKey key, DeliveryStatus status, Instant due, Urgency urgency, CountryCode from,
		CountryCode to, long fence, long alertSequence, Priority priority, int attempts, boolean drill) {
}
