package org.vigil.standalone;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.vigil.gateway.alerting.AlertFanOut;
import org.vigil.gateway.alerting.StompConfiguration;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.json.WireJson;

/**
 * A person using the console, as a browser would: logs in through the login form (with
 * its CSRF token), keeps the session cookie, calls the API with the CSRF header, and
 * listens for alerts over STOMP.
 */
final class ConsoleSession implements AutoCloseable {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	/** The CSRF field of the second factor's pages. */
	private static final Pattern PAGE_CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern TOTP_SECRET = Pattern.compile("<code id=\"totp-secret\">([A-Z2-7]+)</code>");

	private final URI base;

	private final String username;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private final BlockingQueue<AlertFrame> alerts = new LinkedBlockingQueue<>();

	/** Where the password step of the login form redirected to. */
	String afterPassword = "";

	private WebSocketStompClient stompClient;

	private StompSession stomp;

	private ConsoleSession(URI base, String username) {
		this.base = base;
		this.username = username;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	static ConsoleSession login(int port, String username, String password) throws Exception {
		ConsoleSession session = loginPasswordOnly(port, username, password);
		if (session.afterPassword.endsWith("/login/totp")) {
			session.giveCode("/login/totp", SecondFactor.code(username));
		}
		return session;
	}

	/**
	 * Only the password step of the login form; {@link #afterPassword} says where it led.
	 */
	static ConsoleSession loginPasswordOnly(int port, String username, String password) throws Exception {
		ConsoleSession session = new ConsoleSession(URI.create("http://127.0.0.1:" + port), username);
		HttpResponse<String> page = session.send(HttpRequest.newBuilder(session.base.resolve("/login")).GET());
		Matcher csrf = CSRF_FIELD.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no CSRF field: " + page.body());
		}
		String form = "username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1);
		HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Login of " + username + " failed: " + login.statusCode() + " " + location);
		}
		session.afterPassword = location;
		return session;
	}

	/**
	 * Logs in an administrator with their second factor: enrols one first if they have
	 * none, so that their administrator roles count. Undo with
	 * {@link SecondFactor#forget}.
	 */
	static ConsoleSession loginAsAdministrator(int port, String username, String password) throws Exception {
		ConsoleSession session = login(port, username, password);
		if (!json(session.get("/api/v1/me")).get("withheldRoles").isEmpty()) {
			session.enrolSecondFactor();
		}
		return session;
	}

	/** Sets up a second factor on the enrolment page, as a person with an app would. */
	void enrolSecondFactor() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(this.base.resolve("/login/totp/enrol")).GET());
		Matcher secret = TOTP_SECRET.matcher(page.body());
		if (!secret.find()) {
			throw new IllegalStateException("The enrolment page shows no secret: " + page.body());
		}
		SecondFactor.remember(this.username, secret.group(1));
		giveCode("/login/totp/enrol", SecondFactor.code(this.username));
	}

	/** Fills in a code form of the second factor's pages; it must lead to the console. */
	private void giveCode(String path, String code) throws Exception {
		String location = tryCode(path, code);
		if (!location.endsWith("/")) {
			throw new IllegalStateException(
					"The code of " + this.username + " was refused at " + path + ": " + location);
		}
	}

	/** Sends a code on a page of the second factor; returns where it redirects to. */
	String tryCode(String path, String code) throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(this.base.resolve(path)).GET());
		Matcher csrf = PAGE_CSRF_FIELD.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException(path + " has no CSRF field: " + page.body());
		}
		HttpResponse<String> sent = send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("code=" + code + "&_csrf=" + csrf.group(1))));
		if (sent.statusCode() != 302) {
			throw new IllegalStateException(path + " answered " + sent.statusCode() + ": " + sent.body());
		}
		return sent.headers().firstValue("Location").orElse("");
	}

	private static tools.jackson.databind.JsonNode json(HttpResponse<String> response) {
		return WireJson.mapper().readTree(response.body());
	}

	/** Opens the live alert channel, as the console does once the page has loaded. */
	void connectAlerts(SimpUserRegistry subscriptions) throws Exception {
		this.stompClient = new WebSocketStompClient(new StandardWebSocketClient());
		this.stompClient.setMessageConverter(new JacksonJsonMessageConverter(WireJson.mapper()));
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Cookie", cookieHeader());
		headers.setOrigin(this.base.toString());
		URI ws = URI.create("ws://" + this.base.getAuthority() + "/ws");
		this.stomp = this.stompClient.connectAsync(ws, headers, new StompHeaders(), new StompSessionHandlerAdapter() {

			@Override
			public void handleException(StompSession session, StompCommand command, StompHeaders headers,
					byte[] payload, Throwable exception) {
				throw new IllegalStateException("Could not handle a STOMP frame", exception);
			}

		}).get(10, TimeUnit.SECONDS);
		this.stomp.subscribe(StompConfiguration.OWN_ALERTS, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders frameHeaders) {
				return AlertFrame.class;
			}

			@Override
			public void handleFrame(StompHeaders frameHeaders, Object payload) {
				ConsoleSession.this.alerts.add((AlertFrame) payload);
			}

		});
		// The simple broker sends no receipts; wait until it has registered the
		// subscription, so
		// that no alert of the test can slip past before it.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> subscriptions
				.findSubscriptions((subscription) -> subscription.getSession().getUser().getName().equals(this.username)
						&& subscription.getDestination().endsWith(AlertFanOut.ALERT_QUEUE))
				.size() > 0);
	}

	/**
	 * Opens the live alert channel on another gateway instance with this session's cookie
	 * (sessions live in Redis, so any instance knows it), as a console does when its
	 * instance went away. Does not wait for the subscription to be registered: a test in
	 * another JVM than the gateway cannot see its registry.
	 */
	void connectAlertsTo(int port) throws Exception {
		close();
		this.stompClient = new WebSocketStompClient(new StandardWebSocketClient());
		this.stompClient.setMessageConverter(new JacksonJsonMessageConverter(WireJson.mapper()));
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Cookie", cookieHeader());
		headers.setOrigin("http://127.0.0.1:" + port);
		this.stomp = this.stompClient.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), headers,
				new StompHeaders(), new StompSessionHandlerAdapter() {
				})
			.get(10, TimeUnit.SECONDS);
		this.stomp.subscribe(StompConfiguration.OWN_ALERTS, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders frameHeaders) {
				return AlertFrame.class;
			}

			@Override
			public void handleFrame(StompHeaders frameHeaders, Object payload) {
				ConsoleSession.this.alerts.add((AlertFrame) payload);
			}

		});
	}

	/** A GET of this session on another gateway instance. */
	HttpResponse<String> getFrom(int port, String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("X-Requested-With", "fetch")
			.GET());
	}

	/** The next alert frame, or null if none came within the timeout. */
	AlertFrame nextAlert(Duration timeout) throws InterruptedException {
		return this.alerts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.base.resolve(path)).header("X-Requested-With", "fetch").GET());
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		if (csrfToken() == null) {
			get("/api/v1/me");
		}
		return send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("X-Requested-With", "fetch")
			.header("X-XSRF-TOKEN", csrfToken())
			.header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Any call as this session, with the CSRF header a browser page would send; headers
	 * whose value is null are left out.
	 */
	HttpResponse<String> call(String method, String path, java.util.Map<String, String> headers,
			HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
		if (csrfToken() == null) {
			get("/api/v1/me");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("X-Requested-With", "fetch")
			.header("X-XSRF-TOKEN", csrfToken())
			.method(method, body);
		headers.forEach((name, value) -> {
			if (value != null) {
				request.header(name, value);
			}
		});
		return send(request);
	}

	/** A PUT with an {@code If-Match} header; none when {@code ifMatch} is null. */
	HttpResponse<String> put(String path, String json, String ifMatch) throws IOException, InterruptedException {
		if (csrfToken() == null) {
			get("/api/v1/me");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("X-Requested-With", "fetch")
			.header("X-XSRF-TOKEN", csrfToken())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(request);
	}

	private String csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	String cookieHeader() {
		List<HttpCookie> all = this.cookies.getCookieStore().getCookies();
		return String.join("; ", all.stream().map((cookie) -> cookie.getName() + "=" + cookie.getValue()).toList());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(15)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		if (this.stomp != null && this.stomp.isConnected()) {
			try {
				this.stomp.disconnect();
			}
			catch (MessageDeliveryException ex) {
				// The server went away (a fault test killed it) between the check and the
				// DISCONNECT frame: the session is closed all the same.
			}
		}
		if (this.stompClient != null) {
			this.stompClient.stop();
		}
	}

}
