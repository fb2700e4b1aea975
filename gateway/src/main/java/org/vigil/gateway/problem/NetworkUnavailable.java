package org.vigil.gateway.problem;

/**
 * Kafka did not confirm a write in time, so the network has NOT accepted it; the sender
 * must try again (with the same request id, which makes the retry safe).
 */
public class NetworkUnavailable extends RuntimeException {

	public NetworkUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
