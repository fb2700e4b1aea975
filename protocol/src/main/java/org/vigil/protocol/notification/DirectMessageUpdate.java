package org.vigil.protocol.notification;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;

/**
 * What became of a {@link DirectMessage}: one record on {@code vigil.notifier.direct}.
 * Never the address or the text (a code must not outlive its use in a topic anyone with
 * read access sees).
 *
 * @param id the message's id
 * @param officer whose contact method it went to
 * @param status {@link DeliveryStatus#SENT}, {@link DeliveryStatus#DELIVERED} or
 * {@link DeliveryStatus#FAILED}
 * @param at when, by the notifier's clock
 * @param detail why it failed, or the provider's word; may be null
 */
public record DirectMessageUpdate(String id, OfficerId officer, DeliveryStatus status, Instant at, String detail) {

	public DirectMessageUpdate {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
	}

}
