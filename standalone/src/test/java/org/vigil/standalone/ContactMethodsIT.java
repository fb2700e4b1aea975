package org.vigil.standalone;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.vigil.embedded.provider.ProviderSimulator;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An officer proves a new address reaches them: they add it (unverified), ask for a code,
 * the notifier sends it (to a real SMTP server, GreenMail, or the simulated SMS
 * provider), they type it back and the address is verified in their directory entry; a
 * test message through it then reports its fate. Their entry is restored at the end.
 */
class ContactMethodsIT extends NetworkTest {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

	private static final String OFFICER = "fr.martin";

	private static final String MAILBOX = "fr.martin.new@contacts-it.example";

	private static final String NUMBER = "+99955501234";

	private final Infrastructure infrastructure = Infrastructure.get();

	@Test
	void anAddressAddedIsVerifiedByTheCodeSentToItAndThenTakesATestMessage() throws Exception {
		this.infrastructure.sms.behave(ProviderSimulator.Behaviour.DELIVER);
		this.infrastructure.sms
			.reportTo(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/receipts"));
		Map<TopicPartition, Long> auditFrom = endOffsets(Topics.AUDIT);
		try (ConsoleSession officer = ConsoleSession.login(this.port, OFFICER, PASSWORD)) {
			try {
				// E-mail: added unverified, a code arrives, a wrong code is refused.
				HttpResponse<String> added = officer.post("/api/v1/me/contacts", method("EMAIL", MAILBOX));
				assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
				assertThat(find(json(added), MAILBOX).get("verified").asBoolean()).isFalse();

				HttpResponse<String> asked = officer.post("/api/v1/me/contacts/code", method("EMAIL", MAILBOX));
				assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
				await().atMost(WITHIN).until(() -> !mailTo(MAILBOX).isEmpty());
				String code = code(mailTo(MAILBOX).get(0).getContent().toString());
				assertThat(officer.post("/api/v1/me/contacts/code", method("EMAIL", MAILBOX)).statusCode())
					.as("a second code within a minute")
					.isEqualTo(429);

				String wrong = code.equals("000000") ? "000001" : "000000";
				assertThat(
						officer.post("/api/v1/me/contacts/verify", confirmation("EMAIL", MAILBOX, wrong)).statusCode())
					.isEqualTo(422);
				HttpResponse<String> verified = officer.post("/api/v1/me/contacts/verify",
						confirmation("EMAIL", MAILBOX, code));
				assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
				assertThat(find(json(verified), MAILBOX).get("verified").asBoolean()).isTrue();
				assertThat(
						officer.post("/api/v1/me/contacts/verify", confirmation("EMAIL", MAILBOX, code)).statusCode())
					.as("a code works once")
					.isEqualTo(409);

				// The test message: the relay took it (e-mail says no more).
				String mailTest = json(officer.post("/api/v1/me/contacts/test", method("EMAIL", MAILBOX))).get("id")
					.asString();
				await().atMost(WITHIN).untilAsserted(() -> assertThat(fate(officer, mailTest)).isEqualTo("SENT"));
				await().atMost(WITHIN).until(() -> mailTo(MAILBOX).size() == 2);

				// SMS: the code comes by the simulated provider; the test is delivered.
				assertThat(officer.post("/api/v1/me/contacts", method("SMS", NUMBER)).statusCode()).isEqualTo(201);
				assertThat(officer.post("/api/v1/me/contacts/test", method("SMS", NUMBER)).statusCode())
					.as("no test before it is verified")
					.isEqualTo(409);
				assertThat(officer.post("/api/v1/me/contacts/code", method("SMS", NUMBER)).statusCode()).isEqualTo(202);
				await().atMost(WITHIN).until(() -> !this.infrastructure.sms.messagesTo(NUMBER).isEmpty());
				ProviderSimulator.Message text = this.infrastructure.sms.messagesTo(NUMBER).get(0);
				assertThat(text.reference()).startsWith("direct/" + OFFICER + "/");
				assertThat(officer.post("/api/v1/me/contacts/verify", confirmation("SMS", NUMBER, code(text.text())))
					.statusCode()).isEqualTo(200);
				String smsTest = json(officer.post("/api/v1/me/contacts/test", method("SMS", NUMBER))).get("id")
					.asString();
				await().atMost(WITHIN).untilAsserted(() -> assertThat(fate(officer, smsTest)).isEqualTo("DELIVERED"));

				List<AuditEntry> audit = auditSince(auditFrom, (entry) -> entry.actor().equals(OFFICER)
						&& entry.action().equals("VERIFY_CONTACT_METHOD") && entry.detail().startsWith("SMS"));
				assertThat(audit).filteredOn((entry) -> entry.actor().equals(OFFICER))
					.extracting(AuditEntry::action)
					.containsSubsequence("ADD_CONTACT_METHOD", "VERIFY_CONTACT_METHOD", "ADD_CONTACT_METHOD",
							"VERIFY_CONTACT_METHOD");
				assertThat(audit).filteredOn((entry) -> entry.actor().equals(OFFICER))
					.allSatisfy((entry) -> assertThat(entry.detail()).doesNotContain(MAILBOX).doesNotContain(NUMBER));
			}
			finally {
				for (String[] method : List.of(new String[] { "EMAIL", MAILBOX }, new String[] { "SMS", NUMBER })) {
					officer.call("DELETE",
							"/api/v1/me/contacts?channel=" + method[0] + "&address="
									+ java.net.URLEncoder.encode(method[1], java.nio.charset.StandardCharsets.UTF_8),
							Map.of(), HttpRequest.BodyPublishers.noBody());
				}
			}
			JsonNode after = json(officer.get("/api/v1/me/contacts"));
			assertThat(after.get("methods").valueStream().map((m) -> m.get("address").asString()))
				.doesNotContain(MAILBOX, NUMBER);
		}
	}

	@Test
	void anOfficerSetsTheirOwnRulesWithinBoundsAndGoesBackToTheDefaults() throws Exception {
		Map<TopicPartition, Long> auditFrom = endOffsets(Topics.AUDIT);
		try (ConsoleSession officer = ConsoleSession.login(this.port, OFFICER, PASSWORD)) {
			try {
				JsonNode before = json(officer.get("/api/v1/me/contacts"));
				assertThat(before.get("ownRules").asBoolean()).isFalse();

				// Each wrong body is refused naming its field, and writes nothing.
				Map<TopicPartition, Long> directoryBefore = endOffsets(Topics.DIRECTORY);
				Map<String, String> wrong = Map.of(rules("[{\"channel\": \"FAX\", \"after\": \"PT0S\"}]", "[]", "[]"),
						"rules.EMERGENCY[0].channel",
						rules("[{\"channel\": \"SMS\"}, {\"channel\": \"SMS\", \"after\": \"PT1M\"}]", "[]", "[]"),
						"rules.EMERGENCY[1].channel",
						rules("[{\"channel\": \"SMS\", \"after\": \"-PT1M\"}]", "[]", "[]"), "rules.EMERGENCY[0].after",
						rules("[{\"channel\": \"SMS\"}]", "[{\"channel\": \"EMAIL\", \"after\": \"PT2H\"}]", "[]"),
						"rules.URGENT[0].after",
						rules("[{\"channel\": \"SMS\"}, {\"channel\": \"PUSH\", \"after\": \"PT1M\"}]", "[]", "[]"),
						"rules.EMERGENCY[1].channel",
						rules("[{\"channel\": \"VOICE\", \"after\": \"PT5M\"}]", "[]", "[]"), "rules.EMERGENCY",
						"{\"rules\": {\"EMERGENCY\": [{\"channel\": \"SMS\"}], \"URGENT\": []}}", "rules.ROUTINE");
				for (Map.Entry<String, String> body : wrong.entrySet()) {
					HttpResponse<String> refused = officer.put("/api/v1/me/contacts/rules", body.getKey(), null);
					assertThat(refused.statusCode()).as(body.getKey() + ": " + refused.body()).isEqualTo(422);
					assertThat(refused.headers().firstValue("Content-Type"))
						.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
					assertThat(json(refused).get("errors").valueStream().map((e) -> e.get("field").asString()))
						.as(body.getKey())
						.contains(body.getValue());
				}
				assertThat(endOffsets(Topics.DIRECTORY)).as("nothing written").isEqualTo(directoryBefore);

				// Mine: a text at once and a call five minutes later for an emergency,
				// a mail for an urgent request, the console only for a routine one.
				HttpResponse<String> saved = officer.put("/api/v1/me/contacts/rules", rules(
						"[{\"channel\": \"VOICE\", \"after\": \"PT5M\"}, {\"channel\": \"SMS\", \"after\": \"PT0S\"}]",
						"[{\"channel\": \"EMAIL\"}]", "[]"), null);
				assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
				JsonNode mine = json(officer.get("/api/v1/me/contacts"));
				assertThat(mine.get("ownRules").asBoolean()).isTrue();
				assertThat(rules(mine, "EMERGENCY")).containsExactly("SMS PT0S", "VOICE PT5M");
				assertThat(rules(mine, "URGENT")).containsExactly("EMAIL PT0S");
				assertThat(rules(mine, "ROUTINE")).isEmpty();

				// Back to the defaults of their roles.
				HttpResponse<String> reset = officer.call("DELETE", "/api/v1/me/contacts/rules", Map.of(),
						HttpRequest.BodyPublishers.noBody());
				assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
				assertThat(json(reset).get("ownRules").asBoolean()).isFalse();
				assertThat(json(reset).get("rules")).isEqualTo(before.get("rules"));

				List<AuditEntry> audit = auditSince(auditFrom,
						(entry) -> entry.actor().equals(OFFICER) && entry.action().equals("RESET_NOTIFICATION_RULES"));
				assertThat(audit)
					.filteredOn(
							(entry) -> entry.actor().equals(OFFICER) && entry.action().endsWith("_NOTIFICATION_RULES"))
					.map((entry) -> entry.action() + " " + entry.outcome() + " " + entry.detail())
					.satisfiesExactly(
							(change) -> assertThat(change).asString()
								.startsWith("CHANGE_NOTIFICATION_RULES ACCEPTED own rules: "
										+ "EMERGENCY: SMS at once, VOICE after PT5M; URGENT: EMAIL at once; "
										+ "ROUTINE: console only"),
							(back) -> assertThat(back).asString()
								.startsWith("RESET_NOTIFICATION_RULES ACCEPTED back to the defaults"));
			}
			finally {
				officer.call("DELETE", "/api/v1/me/contacts/rules", Map.of(), HttpRequest.BodyPublishers.noBody());
			}
		}
		// Only someone who can be paged sets rules; the coordinator has no Party entry.
		for (String other : List.of("fr.requester", "net.coordinator")) {
			try (ConsoleSession session = ConsoleSession.login(this.port, other, PASSWORD)) {
				assertThat(session.put("/api/v1/me/contacts/rules", rules("[{\"channel\": \"SMS\"}]", "[]", "[]"), null)
					.statusCode()).as(other).isEqualTo(403);
			}
		}
	}

	private static String rules(String emergency, String urgent, String routine) {
		return "{\"rules\": {\"EMERGENCY\": " + emergency + ", \"URGENT\": " + urgent + ", \"ROUTINE\": " + routine
				+ "}}";
	}

	/** An urgency's rules in a GET's answer, as "CHANNEL duration". */
	private static List<String> rules(JsonNode mine, String urgency) {
		return mine.get("rules")
			.get(urgency)
			.valueStream()
			.map((rule) -> rule.get("channel").asString() + " " + Duration.parse(rule.get("after").asString()))
			.toList();
	}

	private static String method(String channel, String address) {
		return "{\"channel\": \"" + channel + "\", \"address\": \"" + address + "\"}";
	}

	private static String confirmation(String channel, String address, String code) {
		return "{\"channel\": \"" + channel + "\", \"address\": \"" + address + "\", \"code\": \"" + code + "\"}";
	}

	private static JsonNode find(JsonNode mine, String address) {
		return mine.get("methods")
			.valueStream()
			.filter((m) -> m.get("address").asString().equals(address))
			.findFirst()
			.orElseThrow();
	}

	private static String code(String text) {
		Matcher matcher = CODE.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static String fate(ConsoleSession officer, String id) throws Exception {
		return json(officer.get("/api/v1/me/contacts/messages?id=" + id)).get("status").asString();
	}

	private List<MimeMessage> mailTo(String address) {
		return Arrays.stream(this.infrastructure.mail.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
