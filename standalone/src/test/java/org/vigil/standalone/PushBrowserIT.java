package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.vigil.directory.policy.StepTarget;
import org.vigil.embedded.push.PushServiceSimulator;
import org.vigil.embedded.push.PushServiceSimulator.Subscription;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's real service worker ({@code /sw.js}) in real headless Chromium, given the
 * very page the notifier pushed. No push service is reachable from here (Chromium's
 * {@code PushManager.subscribe} goes to Google's), so the subscription the notifier
 * pushes to is the loopback push service's, which decrypts the page as the browser would;
 * the test then hands that plaintext to the registered service worker through the Chrome
 * DevTools Protocol ({@code ServiceWorker.deliverPushMessage}), which fires the worker's
 * {@code push} event as a push service's message would. Asserted: the worker shows the
 * notification with the request's text, its receipt makes the message DELIVERED on the
 * request's timeline (the request stays unacknowledged), and the spent token is refused.
 * Not exercised: the browser's own subscription and decryption, and the "Enable alerts"
 * button (which subscribes).
 */
class PushBrowserIT extends NetworkTest {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	private final Infrastructure infrastructure = Infrastructure.get();

	private OfficerId onCall;

	@BeforeEach
	void onCallOfficer() {
		this.onCall = onCall("DE", StepTarget.PRIMARY_ON_CALL);
	}

	@AfterEach
	void unsubscribe() throws Exception {
		try (ConsoleSession officer = ConsoleSession.login(this.port, this.onCall.value(), PASSWORD)) {
			assertThat(officer
				.call("DELETE", "/api/v1/me/push-subscription", Map.of(), HttpRequest.BodyPublishers.noBody())
				.statusCode()).isEqualTo(204);
		}
	}

	@Test
	void theServiceWorkerShowsThePushedPageAndItsReceiptMakesTheMessageDelivered() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession officer = ConsoleSession.login(this.port, this.onCall.value(), PASSWORD);
				Browser browser = Browser.open(this.port).login(this.onCall.value(), PASSWORD)) {
			Subscription subscription = enableAlerts(officer);
			String origin = browser.base();
			browser.cdp("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("notifications")));
			// What push-alerts.js does before it subscribes.
			Object scope = browser.asyncScript("const done = arguments[arguments.length - 1];"
					+ "navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready)"
					+ ".then((r) => done(r.scope), (e) => done('failed: ' + e));");
			assertThat(scope).isEqualTo(origin + "/");
			String registration = browser.serviceWorkerRegistrationId(origin + "/");

			String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
				.asString();
			await().atMost(WITHIN).until(() -> pushed(subscription, id) != null);
			String plaintext = pushed(subscription, id).plaintext();
			JsonNode page = WireJson.mapper().readTree(plaintext);
			assertThat(page.get("receiptToken").asString()).matches("[A-Za-z0-9_-]{32}");
			// The notifier's public URL is the default, port 8080, in tests: the page
			// goes
			// to the worker with the test server's port, as NotificationIT follows the
			// acknowledgement link.
			String delivered = plaintext.replace("http://127.0.0.1:8080/", origin + "/");

			// The domain must be on in the session that delivers, Selenium's own.
			browser.cdp("ServiceWorker.enable", Map.of());
			browser.cdp("ServiceWorker.deliverPushMessage",
					Map.of("origin", origin, "registrationId", registration, "data", delivered));

			await().atMost(WITHIN).untilAsserted(() -> assertThat(notifications(browser)).anySatisfy((shown) -> {
				assertThat(shown.get("title")).isEqualTo("EMERGENCY preservation request from FR");
				assertThat(shown.get("body")).isEqualTo(page.get("text").asString());
				assertThat(String.valueOf(shown.get("body"))).contains(id);
				assertThat(shown.get("tag")).isEqualTo("vigil-" + id);
				assertThat(shown.get("requireInteraction")).isEqualTo(true);
				assertThat(shown.get("actions")).isEqualTo(List.of("ack", "console"));
			}));
			String deliveredLine = "browser push to " + this.onCall + " (step 1) delivered";
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
					.anyMatch((text) -> text.startsWith(deliveredLine)));
			// Shown is not acknowledged.
			assertThat(json(requester.get("/api/v1/requests/" + id)).get("state").asString())
				.isNotEqualTo("ACKNOWLEDGED");

			HttpResponse<String> again = receipt("t=" + page.get("receiptToken").asString());
			assertThat(again.statusCode()).isEqualTo(410);
			assertThat(json(again).get("type").asString()).isEqualTo("/problems/push-receipt-refused");
			assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
				.filteredOn((text) -> text.startsWith(deliveredLine))
				.hasSize(1);
			assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Content Security Policy"));

			assertThat(officer.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode()).isEqualTo(202);
		}
	}

	/** The service worker's receipt, as sw.js posts it: a form, no cookie. */
	private HttpResponse<String> receipt(String form) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/push-receipts"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private PushServiceSimulator.Push pushed(Subscription subscription, String requestId) {
		return this.infrastructure.push.pushesTo(subscription)
			.stream()
			.filter((push) -> push.status() == 201 && push.plaintext().contains("\"request\":\"" + requestId + "\""))
			.findFirst()
			.orElse(null);
	}

	/** The service worker's notifications, as the page sees them. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> notifications(Browser browser) {
		Object shown = browser.asyncScript("const done = arguments[arguments.length - 1];"
				+ "navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((all) => done(all.map((n) => ("
				+ "{title: n.title, body: n.body, tag: n.tag, requireInteraction: n.requireInteraction,"
				+ " actions: n.actions.map((a) => a.action)}))), (e) => done([]));");
		return (List<Map<String, Object>>) shown;
	}

	/**
	 * What the console's "Enable alerts" saves, the subscription the loopback service's.
	 */
	private Subscription enableAlerts(ConsoleSession officer) throws Exception {
		String key = json(officer.get("/api/v1/push/vapid-public-key")).get("publicKey").asString();
		Subscription browser = this.infrastructure.push.subscribe(key);
		HttpResponse<String> saved = officer.put("/api/v1/me/push-subscription",
				"{\"endpoint\": \"" + browser.endpoint() + "\", \"keys\": {\"p256dh\": \"" + browser.p256dh()
						+ "\", \"auth\": \"" + browser.auth() + "\"}}",
				null);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
		return browser;
	}

	private static List<String> timeline(JsonNode status) {
		return status.get("timeline").valueStream().map((entry) -> entry.get("text").asString()).toList();
	}

}
