package org.vigil.gateway.alerting;

import java.nio.charset.StandardCharsets;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.json.WireJson;

/**
 * Sends alert frames to the officers they are for, whichever gateway instance their
 * browser is connected to: the instance that projected the event publishes the frame on a
 * Redis channel, and every instance pushes it to its own STOMP sessions of those
 * officers.
 *
 * <p>
 * Pub/sub delivers at most once; an officer who was offline, or connected to an instance
 * that missed the message, catches up from {@code GET /api/v1/alerts}, which the console
 * calls on every (re)connect.
 */
public class AlertFanOut implements MessageListener {

	/**
	 * The user destination an officer's console subscribes to, as
	 * {@code /user/queue/alerts}.
	 */
	public static final String ALERT_QUEUE = "/queue/alerts";

	private static final Logger log = LoggerFactory.getLogger(AlertFanOut.class);

	private final StringRedisTemplate redis;

	private final SimpMessagingTemplate stomp;

	public AlertFanOut(StringRedisTemplate redis, SimpMessagingTemplate stomp) {
		this.redis = redis;
		this.stomp = stomp;
	}

	/**
	 * Publishes without waiting for Redis to answer (pub/sub delivers at most once
	 * anyway, and the projector should not wait a round trip per frame). The frame goes
	 * on the connection the template shares, behind the writes of the event that made it,
	 * so a console that reads the request on seeing the frame finds it written.
	 */
	public void publish(AlertFrame frame) {
		byte[] channel = GatewayKeys.ALERT_CHANNEL.getBytes(StandardCharsets.UTF_8);
		byte[] message = WireJson.write(frame);
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			@SuppressWarnings("unchecked")
			RedisClusterAsyncCommands<byte[], byte[]> async = (RedisClusterAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			async.publish(channel, message).whenComplete((receivers, failure) -> {
				if (failure != null) {
					log.warn("Alert frame for {} not published (consoles catch up from the alert list): {}",
							frame.requestId(), failure.getMessage());
				}
			});
			return null;
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		AlertFrame frame;
		try {
			frame = WireJson.read(message.getBody(), AlertFrame.class);
		}
		catch (RuntimeException ex) {
			log.error("Unreadable alert frame on {}: {}", GatewayKeys.ALERT_CHANNEL, ex.getMessage());
			return;
		}
		for (String officer : frame.recipients()) {
			this.stomp.convertAndSendToUser(officer, ALERT_QUEUE, frame);
		}
	}

}
