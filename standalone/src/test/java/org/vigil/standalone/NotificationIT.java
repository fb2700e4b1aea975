package org.vigil.standalone;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.provider.ProviderSimulator;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reaching a sleeping officer with the console closed: an EMERGENCY request texts and
 * mails the on-call officer at once and calls them two minutes later; the link in the
 * e-mail acknowledges, which stops the ladder and tells the requester it came by e-mail;
 * and a provider outage hands the page to the next channel within seconds. The officers'
 * mailboxes are on a real SMTP server (GreenMail), their phones on simulated providers,
 * all on loopback. An officer's own rules decide how they are paged, and a request keeps
 * the rules of its first alert for its later ones, as it keeps the policy.
 */
class NotificationIT extends NetworkTest {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	private static final Pattern LINK = Pattern.compile("https?://\\S+/ack\\?t=([A-Za-z0-9_.-]+)");

	private final Infrastructure infrastructure = Infrastructure.get();

	@BeforeEach
	void providersDeliverAndReportToThisNetwork() {
		URI receipts = URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/receipts");
		this.infrastructure.sms.behave(ProviderSimulator.Behaviour.DELIVER);
		this.infrastructure.voice.behave(ProviderSimulator.Behaviour.DELIVER);
		this.infrastructure.sms.reportTo(receipts);
		this.infrastructure.voice.reportTo(receipts);
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

	private static String address(Officer officer, ContactChannel channel) {
		return officer.verifiedContact(channel).orElseThrow().address();
	}

	private List<MimeMessage> mailTo(String address, String requestId) {
		return Arrays.stream(this.infrastructure.mail.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address)
						&& message.getContent().toString().contains(requestId);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static boolean about(ProviderSimulator.Message message, String requestId) {
		return message.reference().startsWith(requestId + "/");
	}

	private List<ProviderSimulator.Message> calls(String number, String requestId) {
		return this.infrastructure.voice.messagesTo(number)
			.stream()
			.filter((message) -> about(message, requestId))
			.toList();
	}

	private static List<String> timeline(JsonNode status) {
		return status.get("timeline").valueStream().map((entry) -> entry.get("text").asString()).toList();
	}

	@Test
	void anEmergencyTextsMailsAndCallsTheOfficerAndTheLinkInTheMailAcknowledges() throws Exception {
		Officer onCall = officer(onCall("DE", StepTarget.PRIMARY_ON_CALL));
		String number = address(onCall, ContactChannel.SMS);
		String mailbox = address(onCall, ContactChannel.EMAIL);
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			HttpResponse<String> submitted = requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"));
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
			String id = json(submitted).get("id").asString();

			// At once: a text to their phone and a message to their mailbox; no call yet.
			await().atMost(WITHIN)
				.until(() -> this.infrastructure.sms.messagesTo(number).stream().anyMatch((m) -> about(m, id))
						&& !mailTo(mailbox, id).isEmpty());
			assertThat(calls(number, id)).isEmpty();

			// Two minutes later, a call.
			this.clock.advance(Duration.ofMinutes(2));
			await().atMost(WITHIN).until(() -> !calls(number, id).isEmpty());

			// The link in the e-mail: GET only asks, POST acknowledges.
			MimeMessage mail = mailTo(mailbox, id).get(0);
			Matcher link = LINK.matcher(mail.getContent().toString());
			assertThat(link.find()).as(mail.getContent().toString()).isTrue();
			String token = link.group(1);
			HttpClient anonymous = HttpClient.newHttpClient();
			URI ack = URI.create("http://127.0.0.1:" + this.port + "/ack");
			HttpResponse<String> page = anonymous.send(
					HttpRequest.newBuilder(URI.create(ack + "?t=" + token)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("method=\"post\"").contains(id);
			assertThat(json(requester.get("/api/v1/requests/" + id)).get("acknowledgedBy").isNull()).isTrue();

			HttpResponse<String> acknowledged = anonymous.send(postForm(ack, token),
					HttpResponse.BodyHandlers.ofString());
			assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);

			await().atMost(WITHIN).untilAsserted(() -> {
				JsonNode status = json(requester.get("/api/v1/requests/" + id));
				assertThat(status.get("state").asString()).isEqualTo("ACKNOWLEDGED");
				assertThat(status.get("acknowledgedBy").asString()).isEqualTo(onCall.id().value());
				assertThat(status.get("acknowledgedVia").asString()).isEqualTo("EMAIL");
				assertThat(timeline(status)).contains("Acknowledged by " + onCall.id() + " via e-mail")
					.anyMatch((text) -> text.startsWith("SMS to " + onCall.id() + " (step 1) delivered"))
					.anyMatch((text) -> text.startsWith("e-mail to " + onCall.id() + " (step 1) sent"))
					.anyMatch((text) -> text.startsWith("voice call to " + onCall.id() + " (step 1) sent"));
			});

			// The link works once; a forged or altered one not at all.
			HttpResponse<String> again = anonymous.send(postForm(ack, token), HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).isIn(200, 410);
			assertThat(again.body()).doesNotContain("is acknowledged by");
			String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
			assertThat(anonymous.send(postForm(ack, forged), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(404);
			assertThat(anonymous
				.send(HttpRequest.newBuilder(URI.create(ack + "?t=not-a-token")).GET().build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void anOfficersOwnRulesDecideHowTheyArePagedAndAChangeLeavesAPlannedPageAlone() throws Exception {
		Officer onCall = officer(onCall("DE", StepTarget.PRIMARY_ON_CALL));
		String number = address(onCall, ContactChannel.SMS);
		String mailbox = address(onCall, ContactChannel.EMAIL);
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession officer = ConsoleSession.login(this.port, onCall.id().value(), PASSWORD)) {
			try {
				// Their own rules: an emergency only mails them (the defaults would text
				// them at once and call two minutes later).
				String mailOnly = "[{\"channel\": \"EMAIL\", \"after\": \"PT0S\"}]";
				HttpResponse<String> saved = officer.put("/api/v1/me/contacts/rules", "{\"rules\": {\"EMERGENCY\": "
						+ mailOnly + ", \"URGENT\": " + mailOnly + ", \"ROUTINE\": " + mailOnly + "}}", null);
				assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

				String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
					.asString();
				await().atMost(WITHIN).until(() -> !mailTo(mailbox, id).isEmpty());
				await().atMost(WITHIN)
					.untilAsserted(() -> assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
						.anyMatch((text) -> text.startsWith("e-mail to " + onCall.id() + " (step 1) sent")));

				// Back to the defaults once the page is planned: the request keeps
				// the rules of its first alert, so neither a text nor, two minutes
				// later, a call comes for it.
				assertThat(officer
					.call("DELETE", "/api/v1/me/contacts/rules", Map.of(), HttpRequest.BodyPublishers.noBody())
					.statusCode()).isEqualTo(200);
				this.clock.advance(Duration.ofMinutes(2));
				await().during(Duration.ofSeconds(3))
					.atMost(WITHIN)
					.until(() -> calls(number, id).isEmpty()
							&& this.infrastructure.sms.messagesTo(number).stream().noneMatch((m) -> about(m, id)));
				assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
					.noneMatch((text) -> text.startsWith("SMS to ") || text.startsWith("voice call to "));

				assertThat(officer.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode())
					.isEqualTo(202);
			}
			finally {
				officer.call("DELETE", "/api/v1/me/contacts/rules", Map.of(), HttpRequest.BodyPublishers.noBody());
			}
		}
	}

	@Test
	void aRequestKeepsTheRulesOfItsFirstAlertForItsNextStepsWhileANewRequestTakesTheNewOnes() throws Exception {
		Officer primary = officer(onCall("DE", StepTarget.PRIMARY_ON_CALL));
		Officer secondary = officer(onCall("DE", StepTarget.SECONDARY_ON_CALL));
		String primaryNumber = address(primary, ContactChannel.SMS);
		String number = address(secondary, ContactChannel.SMS);
		String mailbox = address(secondary, ContactChannel.EMAIL);
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession first = ConsoleSession.login(this.port, primary.id().value(), PASSWORD);
				ConsoleSession second = ConsoleSession.login(this.port, secondary.id().value(), PASSWORD)) {
			try {
				// An open request: its first alert texts the primary, and keeps the
				// rules of everyone it may page, the secondary's defaults among them.
				String open = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
					.asString();
				await().atMost(WITHIN)
					.until(() -> this.infrastructure.sms.messagesTo(primaryNumber)
						.stream()
						.anyMatch((m) -> about(m, open)));

				// The secondary, not paged yet, changes to "e-mail at once" only.
				String mailOnly = "[{\"channel\": \"EMAIL\", \"after\": \"PT0S\"}]";
				HttpResponse<String> saved = second.put("/api/v1/me/contacts/rules", "{\"rules\": {\"EMERGENCY\": "
						+ mailOnly + ", \"URGENT\": " + mailOnly + ", \"ROUTINE\": " + mailOnly + "}}", null);
				assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

				// A new request takes the new rules: its second step only mails
				// them. (This also shows that the notifier has read the change
				// before the open request's second step below.)
				String fresh = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY")))
					.get("id")
					.asString();
				await().atMost(WITHIN)
					.until(() -> json(first.get("/api/v1/requests/" + fresh)).get("state")
						.asString()
						.equals("ALERTED"));
				assertThat(first.post("/api/v1/requests/" + fresh + "/escalation", null).statusCode()).isEqualTo(202);
				await().atMost(WITHIN).until(() -> !mailTo(mailbox, fresh).isEmpty());
				await().during(Duration.ofSeconds(3))
					.atMost(WITHIN)
					.until(() -> this.infrastructure.sms.messagesTo(number).stream().noneMatch((m) -> about(m, fresh)));

				// The open request's next step, escalated by hand: the secondary is
				// paged by the rules the request kept, a text and a mail at once.
				assertThat(first.post("/api/v1/requests/" + open + "/escalation", null).statusCode()).isEqualTo(202);
				await().atMost(WITHIN)
					.until(() -> this.infrastructure.sms.messagesTo(number).stream().anyMatch((m) -> about(m, open))
							&& !mailTo(mailbox, open).isEmpty());

				assertThat(second.post("/api/v1/requests/" + open + "/acknowledgement", null).statusCode())
					.isEqualTo(202);
				assertThat(second.post("/api/v1/requests/" + fresh + "/acknowledgement", null).statusCode())
					.isEqualTo(202);
			}
			finally {
				second.call("DELETE", "/api/v1/me/contacts/rules", Map.of(), HttpRequest.BodyPublishers.noBody());
			}
		}
	}

	@Test
	void replyingToTheTextWithItsCodeAcknowledgesViaSms() throws Exception {
		Officer onCall = officer(onCall("DE", StepTarget.PRIMARY_ON_CALL));
		String number = address(onCall, ContactChannel.SMS);
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
				.asString();
			await().atMost(WITHIN)
				.until(() -> this.infrastructure.sms.messagesTo(number).stream().anyMatch((m) -> about(m, id)));
			String text = this.infrastructure.sms.messagesTo(number)
				.stream()
				.filter((m) -> about(m, id))
				.findFirst()
				.orElseThrow()
				.text();
			Matcher code = Pattern.compile("Or reply ([0-9]{4})\\.").matcher(text);
			assertThat(code.find()).as(text).isTrue();

			// From another number, or without the provider's token, the code does
			// nothing.
			assertThat(reply("+99911112222", code.group(1), Infrastructure.CALLBACK_TOKEN).statusCode()).isEqualTo(204);
			assertThat(reply(number, code.group(1), "not-the-token").statusCode()).isEqualTo(401);
			assertThat(json(requester.get("/api/v1/requests/" + id)).get("acknowledgedBy").isNull()).isTrue();

			assertThat(reply(number, "ok " + code.group(1), Infrastructure.CALLBACK_TOKEN).statusCode()).isEqualTo(204);
			await().atMost(WITHIN).untilAsserted(() -> {
				JsonNode status = json(requester.get("/api/v1/requests/" + id));
				assertThat(status.get("state").asString()).isEqualTo("ACKNOWLEDGED");
				assertThat(status.get("acknowledgedBy").asString()).isEqualTo(onCall.id().value());
				assertThat(status.get("acknowledgedVia").asString()).isEqualTo("SMS");
			});
		}
	}

	private HttpResponse<String> reply(String from, String text, String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/inbound"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + from + "\", \"text\": \"" + text + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aDeliveryReportWithoutTheProvidersTokenIsRefused() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/receipts"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer not-the-token")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"reference\": \"req-nothing-1/1.1/de.mueller/SMS\", \"status\": \"failed\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
	}

	@Test
	void aProviderOutageMovesThePageToTheNextChannelWithinSeconds() throws Exception {
		Officer onCall = officer(onCall("DE", StepTarget.PRIMARY_ON_CALL));
		String number = address(onCall, ContactChannel.SMS);
		this.infrastructure.sms.behave(ProviderSimulator.Behaviour.OUTAGE);
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession officer = ConsoleSession.login(this.port, onCall.id().value(), PASSWORD)) {
			String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "EMERGENCY"))).get("id")
				.asString();

			// The text is refused; the call planned for two minutes later rings now, with
			// the clock standing still.
			await().atMost(WITHIN).until(() -> !calls(number, id).isEmpty());
			assertThat(this.infrastructure.sms.messagesTo(number).stream().filter((m) -> about(m, id)))
				.allMatch(ProviderSimulator.Message::refused);
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(timeline(json(requester.get("/api/v1/requests/" + id))))
					.anyMatch((text) -> text.startsWith("SMS to " + onCall.id() + " (step 1) failed")
							&& text.contains("HTTP 503")));

			assertThat(officer.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode()).isEqualTo(202);
		}
		finally {
			this.infrastructure.sms.behave(ProviderSimulator.Behaviour.DELIVER);
		}
	}

	private static HttpRequest postForm(URI uri, String token) {
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build();
	}

}
