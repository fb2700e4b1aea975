package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.provider.ProviderSimulator;
import org.vigil.embedded.push.PushServiceSimulator;
import org.vigil.embedded.push.PushServiceSimulator.Subscription;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Web Push to the console's service worker, the browser played by the push-service
 * simulator: the on-call officer enables alerts (the console's key, their own
 * subscription saved), an EMERGENCY request reaches the browser encrypted for it and
 * naming the request, and a subscription gone (410) brings the voice call forward at
 * once. Every test removes the subscription again: the directory is shared.
 */
class PushNotificationIT extends NetworkTest {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	private final Infrastructure infrastructure = Infrastructure.get();

	private OfficerId onCall;

	@BeforeEach
	void providersDeliver() {
		URI receipts = URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/receipts");
		this.infrastructure.sms.behave(ProviderSimulator.Behaviour.DELIVER);
		this.infrastructure.voice.behave(ProviderSimulator.Behaviour.DELIVER);
		this.infrastructure.sms.reportTo(receipts);
		this.infrastructure.voice.reportTo(receipts);
		this.onCall = onCall("DE", StepTarget.PRIMARY_ON_CALL);
	}

	@AfterEach
	void unsubscribe() throws Exception {
		try (ConsoleSession officer = ConsoleSession.login(this.port, this.onCall.value(), PASSWORD)) {
			assertThat(officer
				.call("DELETE", "/api/v1/me/push-subscription", Map.of(),
						java.net.http.HttpRequest.BodyPublishers.noBody())
				.statusCode()).isEqualTo(204);
		}
	}

	@Test
	void anEmergencyReachesTheOfficersBrowserEncryptedForItAndNamingTheRequest() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession officer = ConsoleSession.login(this.port, this.onCall.value(), PASSWORD)) {
			Subscription browser = enableAlerts(officer);

			String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
				.asString();

			await().atMost(WITHIN)
				.until(() -> this.infrastructure.push.pushesTo(browser)
					.stream()
					.anyMatch(
							(push) -> push.status() == 201 && push.plaintext().contains("\"request\":\"" + id + "\"")));
			PushServiceSimulator.Push push = this.infrastructure.push.pushesTo(browser)
				.stream()
				.filter((each) -> each.status() == 201 && each.plaintext().contains(id))
				.findFirst()
				.orElseThrow();
			assertThat(push.urgency()).isEqualTo("high");
			assertThat(push.plaintext()).contains("\"urgency\":\"EMERGENCY\"")
				.contains("\"from\":\"FR\"")
				.containsPattern("\"ack\":\"https?://[^\"]+/ack\\?t=[A-Za-z0-9_.-]+\"");
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
					.anyMatch((text) -> text.startsWith("browser push to " + this.onCall + " (step 1) sent")));
			assertThat(officer.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode()).isEqualTo(202);
		}
	}

	@Test
	void aSubscriptionGoneBringsTheCallForwardAtOnce() throws Exception {
		String number = officer(this.onCall).verifiedContact(ContactChannel.VOICE).orElseThrow().address();
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession officer = ConsoleSession.login(this.port, this.onCall.value(), PASSWORD)) {
			Subscription browser = enableAlerts(officer);
			this.infrastructure.push.expire(browser);

			String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
				.asString();

			// The push is refused 410; the call planned for two minutes later rings now,
			// the clock standing still.
			await().atMost(WITHIN)
				.until(() -> this.infrastructure.voice.messagesTo(number)
					.stream()
					.anyMatch((call) -> call.reference().startsWith(id + "/")));
			assertThat(this.infrastructure.push.pushesTo(browser)).allMatch((push) -> push.status() == 410);
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
					.anyMatch((text) -> text.startsWith("browser push to " + this.onCall + " (step 1) failed")
							&& text.contains("410")));
			assertThat(officer.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode()).isEqualTo(202);
		}
	}

	/** What the console's "Enable alerts on this browser" does. */
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

	private static Officer officer(OfficerId id) {
		return SeedDirectory.demo()
			.contactPoints()
			.stream()
			.filter((contactPoint) -> contactPoint.country().equals(CountryCode.of("DE")))
			.map(ContactPoint::officers)
			.flatMap(List::stream)
			.filter((officer) -> officer.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> timeline(JsonNode status) {
		return status.get("timeline").valueStream().map((entry) -> entry.get("text").asString()).toList();
	}

}
