package org.vigil.embedded.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS or voice provider's HTTP API, simulated on 127.0.0.1 for tests.
 * {@code POST /messages} with the notifier's default template ({@code to}, {@code text},
 * {@code reference}, {@code callback}) records the message and, as told by
 * {@link #behave}, accepts it and reports it delivered (or undelivered) to its callback
 * with the bearer token given, accepts it and reports nothing, refuses it with 503, or
 * holds the request open until {@link #releaseHeld()}.
 */
public final class ProviderSimulator implements AutoCloseable {

	/** What the simulated provider does with the next messages. */
	public enum Behaviour {

		/** 202, then a "delivered" callback. */
		DELIVER,

		/** 202, then an "undelivered" callback. */
		UNDELIVERED,

		/** 202, and no callback ever. */
		SILENT,

		/** 503: the provider is down. */
		OUTAGE,

		/**
		 * Hold the request open until {@link #releaseHeld()}, then 202 and "delivered".
		 */
		HOLD

	}

	/**
	 * A message the provider received.
	 *
	 * @param to the number
	 * @param text the text or words to speak
	 * @param reference the sender's reference, which callbacks carry
	 * @param idempotencyKey the {@code Idempotency-Key} header
	 * @param receivedAt when it came
	 * @param refused whether it was refused (an outage)
	 */
	public record Message(String to, String text, String reference, String idempotencyKey, Instant receivedAt,
			boolean refused) {
	}

	private static final Pattern FIELD = Pattern
		.compile("\"(to|text|reference|callback)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final HttpServer server;

	private final ExecutorService callbacks = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "provider-simulator-callbacks");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private final String callbackToken;

	private volatile Behaviour behaviour = Behaviour.DELIVER;

	private volatile CountDownLatch held = new CountDownLatch(1);

	private volatile URI reportTo;

	private ProviderSimulator(HttpServer server, String callbackToken) {
		this.server = server;
		this.callbackToken = callbackToken;
	}

	/**
	 * Starts a simulator on a free (or the given) loopback port.
	 * @param callbackToken the bearer token its callbacks present
	 */
	public static ProviderSimulator start(int port, String callbackToken) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			ProviderSimulator simulator = new ProviderSimulator(server, callbackToken);
			server.createContext("/messages", simulator::handle);
			server.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "provider-simulator");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return simulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where to POST messages. */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/messages");
	}

	public void behave(Behaviour behaviour) {
		this.behaviour = behaviour;
	}

	/**
	 * Sends delivery reports here instead of to each message's callback, as a provider
	 * whose callback is set in the account rather than per message does.
	 */
	public void reportTo(URI callback) {
		this.reportTo = callback;
	}

	/** Lets every held request answer. */
	public void releaseHeld() {
		CountDownLatch latch = this.held;
		this.held = new CountDownLatch(1);
		latch.countDown();
	}

	/** Every message received, refused ones included, oldest first. */
	public List<Message> messages() {
		return List.copyOf(this.messages);
	}

	/** The messages received for a number, refused ones included. */
	public List<Message> messagesTo(String number) {
		return this.messages.stream().filter((message) -> message.to().equals(number)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			String to = "";
			String text = "";
			String reference = "";
			String callback = "";
			Matcher matcher = FIELD.matcher(json);
			while (matcher.find()) {
				String value = unescape(matcher.group(2));
				switch (matcher.group(1)) {
					case "to" -> to = value;
					case "text" -> text = value;
					case "reference" -> reference = value;
					default -> callback = value;
				}
			}
			Behaviour now = this.behaviour;
			this.messages.add(new Message(to, text, reference, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
					Instant.now(), now == Behaviour.OUTAGE));
			if (now == Behaviour.OUTAGE) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			if (now == Behaviour.HOLD) {
				try {
					this.held.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			exchange.sendResponseHeaders(202, -1);
			if (now != Behaviour.SILENT && (!callback.isEmpty() || this.reportTo != null)) {
				String status = (now == Behaviour.UNDELIVERED) ? "undelivered" : "delivered";
				String report = "{\"reference\":\"" + reference + "\",\"status\":\"" + status + "\"}";
				String target = (this.reportTo != null) ? this.reportTo.toString() : callback;
				this.callbacks.execute(() -> callBack(target, report));
			}
		}
	}

	private void callBack(String callback, String report) {
		try {
			this.client.send(HttpRequest.newBuilder(URI.create(callback))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + this.callbackToken)
				.POST(HttpRequest.BodyPublishers.ofString(report))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			// A provider retries; the simulator does not: the notifier's receipt deadline
			// covers a lost callback.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String unescape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\\' || i + 1 >= value.length()) {
				out.append(c);
				continue;
			}
			char next = value.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}

	@Override
	public void close() {
		releaseHeld();
		this.server.stop(0);
		this.callbacks.shutdownNow();
	}

}
