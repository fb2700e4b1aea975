package org.vigil.protocol.notification;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * A message's fate changed: one record on {@code vigil.notifications}. The topic is the
 * record of every message the network planned and what became of it; the notifier's index
 * of what is due is rebuilt from it, and the gateway puts it on the request's timeline.
 * Addresses are never written here: the topic is kept forever, phone numbers and
 * mailboxes change.
 *
 * @param requestId the request
 * @param key the message, also its idempotency key
 * @param status what became of it
 * @param at when, by the notifier's clock
 * @param due when it is (or was) to be sent; for {@link DeliveryStatus#QUEUED}, the
 * planned time
 * @param alertSequence the sequence of the {@code OfficersAlerted} event that planned it
 * @param detail why it failed, or the provider's reference; may be null
 */
public record DeliveryUpdate(RequestId requestId, DeliveryKey key, DeliveryStatus status, Instant at, Instant due,
		long alertSequence, String detail) {

	public DeliveryUpdate {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
		if (!key.requestId().equals(requestId)) {
			throw new IllegalArgumentException("the key " + key + " is not of request " + requestId);
		}
	}

}
