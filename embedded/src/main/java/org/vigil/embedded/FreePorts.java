package org.vigil.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free TCP ports on the loopback interface.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Returns a port that was free on 127.0.0.1 a moment ago. The probe socket is closed
	 * before returning, so another process could in principle take the port before the
	 * caller binds it; on a developer or CI machine that race is rare enough to accept.
	 * @return a free loopback port
	 * @throws UncheckedIOException if no port could be bound
	 */
	public static int pick() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port on 127.0.0.1", ex);
		}
	}

}
