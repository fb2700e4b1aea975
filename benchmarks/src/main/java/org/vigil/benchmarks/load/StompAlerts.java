package org.vigil.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

import org.vigil.protocol.json.WireJson;

/**
 * An officer's live alert channel as the console opens it: STOMP 1.2 over the JDK's
 * WebSocket client, with the session cookie of a logged-in person, subscribed to
 * {@code /user/queue/alerts}. Hands each MESSAGE frame's {@code kind} and
 * {@code requestId} over with the instant (System.nanoTime) it was read.
 */
final class StompAlerts implements WebSocket.Listener {

	private final BiConsumer<JsonNode, Long> onFrame;

	private final CountDownLatch connected = new CountDownLatch(1);

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	private StompAlerts(BiConsumer<JsonNode, Long> onFrame) {
		this.onFrame = onFrame;
	}

	static StompAlerts open(HttpClient http, URI base, String cookies, BiConsumer<JsonNode, Long> onFrame)
			throws Exception {
		StompAlerts alerts = new StompAlerts(onFrame);
		alerts.socket = http.newWebSocketBuilder()
			.header("Cookie", cookies)
			.header("Origin", base.toString())
			.buildAsync(URI.create("ws://" + base.getAuthority() + "/ws"), alerts)
			.get(10, TimeUnit.SECONDS);
		alerts.socket.sendText("CONNECT\naccept-version:1.2\nhost:" + base.getHost() + "\nheart-beat:0,0\n\n\0", true)
			.get(10, TimeUnit.SECONDS);
		if (!alerts.connected.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("No CONNECTED frame from " + base);
		}
		alerts.socket.sendText("SUBSCRIBE\nid:alerts\ndestination:/user/queue/alerts\n\n\0", true)
			.get(10, TimeUnit.SECONDS);
		return alerts;
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long now = System.nanoTime();
		this.partial.append(data);
		int end;
		while ((end = this.partial.indexOf("\0")) >= 0) {
			String frame = this.partial.substring(0, end);
			this.partial.delete(0, end + 1);
			frame(frame.stripLeading(), now);
		}
		webSocket.request(1);
		return CompletableFuture.completedFuture(null);
	}

	private void frame(String frame, long receivedNanos) {
		if (frame.startsWith("CONNECTED")) {
			this.connected.countDown();
		}
		else if (frame.startsWith("MESSAGE")) {
			int body = frame.indexOf("\n\n");
			this.onFrame.accept(WireJson.mapper().readTree(frame.substring(body + 2)), receivedNanos);
		}
		else if (frame.startsWith("ERROR")) {
			System.err.println("STOMP error: " + frame);
		}
	}

	void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
	}

}
