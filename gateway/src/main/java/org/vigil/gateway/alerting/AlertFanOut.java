package org.vigil.gateway.alerting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.json.WireJson;

/**
 * Sends alert frames to the officers they are for, whichever gateway instance their
 * browser is connected to: the instance that projected the event publishes the frame on a
 * Redis channel (in the script that writes the event, {@code RequestStatuses#apply}), and
 * every instance pushes it to its own STOMP sessions of those officers.
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

	private final SimpMessagingTemplate stomp;

	public AlertFanOut(SimpMessagingTemplate stomp) {
		this.stomp = stomp;
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
