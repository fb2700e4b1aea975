package org.vigil.gateway.contacts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.vigil.gateway.GatewayKeys;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DirectMessageUpdate;

/**
 * What became of each direct message, from {@link Topics#DIRECT_MESSAGES}, kept in Redis
 * for the officer who sent it to see. Its own consumer group (the read model's, suffixed
 * {@code -direct}), shared by all gateway instances. A final status (delivered, failed)
 * is never overwritten by a late "sent".
 */
@Component
class DirectFates {

	private static final Duration KEEP = Duration.ofDays(7);

	/**
	 * A direct message's fate as last known.
	 *
	 * @param id the message
	 * @param status {@code QUEUED} (asked, no word from the notifier yet), {@code SENT},
	 * {@code DELIVERED} or {@code FAILED}
	 * @param at when, ISO 8601; null while queued
	 * @param detail why it failed, or what the channel said; may be null
	 */
	record Fate(String id, String status, String at, String detail) {
	}

	private final StringRedisTemplate redis;

	DirectFates(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@KafkaListener(id = "vigil-gateway-direct", topics = Topics.DIRECT_MESSAGES,
			groupId = "${vigil.gateway.consumer-group:vigil-gateway}-direct",
			containerFactory = "gatewayListenerFactory")
	void project(ConsumerRecord<String, byte[]> record) {
		DirectMessageUpdate update = WireJson.read(record.value(), DirectMessageUpdate.class);
		String key = GatewayKeys.directMessage(update.id());
		Object officer = this.redis.opsForHash().get(key, "officer");
		if (officer == null || !officer.equals(update.officer().value())) {
			// Not asked for through this network's gateway (or expired): nobody to show.
			return;
		}
		Object before = this.redis.opsForHash().get(key, "status");
		if (before != null && DeliveryStatus.valueOf((String) before).isFinal()) {
			return;
		}
		this.redis.opsForHash()
			.putAll(key, Map.of("status", update.status().name(), "at", update.at().toString(), "detail",
					(update.detail() != null) ? update.detail() : ""));
	}

	/** Records that a message was asked for, so that its fate is kept for its officer. */
	void asked(String id, OfficerId officer) {
		String key = GatewayKeys.directMessage(id);
		this.redis.opsForHash().putAll(key, Map.of("officer", officer.value(), "status", DeliveryStatus.QUEUED.name()));
		this.redis.expire(key, KEEP);
	}

	/**
	 * The fate of one of this officer's messages; empty if it is not theirs or unknown.
	 */
	Optional<Fate> find(String id, OfficerId officer) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(GatewayKeys.directMessage(id));
		if (!officer.value().equals(fields.get("officer"))) {
			return Optional.empty();
		}
		String detail = (String) fields.get("detail");
		return Optional.of(new Fate(id, (String) fields.get("status"), (String) fields.get("at"),
				(detail == null || detail.isEmpty()) ? null : detail));
	}

}
