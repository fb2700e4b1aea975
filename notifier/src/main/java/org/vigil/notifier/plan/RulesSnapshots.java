package org.vigil.notifier.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.notifier.NotifierKeys;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;

/**
 * Keeps each open request's {@link RulesSnapshot} in Redis, so that every alert of a
 * request is planned with the rules as they were at its first, as its ladder keeps the
 * policy as it was at routing. The first alert writes it only if absent (SET NX): an
 * alert read again after a crash finds it and plans from it, never from newer rules.
 * Closing the request deletes it; it also expires {@link #KEPT} after the request's
 * latest alert, a bound no timed gap between two alerts of one request comes near (the
 * longest is an answer time of days; a preserved request pages no one; only a wait for
 * the requester's information has no bound). Unlike the due index it is not rebuilt from
 * Kafka: a snapshot that is lost (Redis wiped) or expired is taken again from the rules
 * as they are then, with a warning.
 */
public class RulesSnapshots {

	/** How long a snapshot outlives its request's latest alert. */
	public static final Duration KEPT = Duration.ofDays(90);

	private static final Logger log = LoggerFactory.getLogger(RulesSnapshots.class);

	private final StringRedisTemplate redis;

	private final NotifierKeys keys;

	private final Clock clock;

	public RulesSnapshots(StringRedisTemplate redis, NotifierKeys keys, Clock clock) {
		this.redis = redis;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * The snapshot to plan this alert from: the request's, or, for its first alert, one
	 * taken now and kept before anything is planned from it.
	 */
	public RulesSnapshot of(OfficersAlerted alert, DirectoryView directory) {
		String key = this.keys.rulesSnapshot(alert.requestId());
		RulesSnapshot now = RulesSnapshot.take(alert.to(), directory, this.clock.instant());
		String written = new String(WireJson.write(now), StandardCharsets.UTF_8);
		if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, written, KEPT))) {
			// The first alert raises the fence from 0 to 1; a later one finding nothing
			// means the snapshot was lost (Redis wiped), expired, or the earlier alerts
			// were read too late to be planned.
			if (alert.fence() > 1) {
				log.warn(
						"No notification rules kept for {} at its alert of step {} (fence {}): planning with the "
								+ "rules as they are now, and keeping those for its later alerts",
						alert.requestId(), alert.step(), alert.fence());
			}
			return now;
		}
		String kept = this.redis.opsForValue().get(key);
		if (kept == null) {
			// Expired between the two calls.
			return now;
		}
		this.redis.expire(key, KEPT);
		try {
			return WireJson.read(kept.getBytes(StandardCharsets.UTF_8), RulesSnapshot.class);
		}
		catch (UnreadableRecord ex) {
			log.warn("The notification rules kept for {} are unreadable: planning with the rules as they are now",
					alert.requestId(), ex);
			return now;
		}
	}

	/** The request is closed: nobody is paged for it again. */
	public void forget(RequestId requestId) {
		this.redis.delete(this.keys.rulesSnapshot(requestId));
	}

}
