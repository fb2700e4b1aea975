package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.vigil.directory.policy.StepTarget;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton, end to end, through the real parts: a real Kafka broker (KRaft)
 * and a real redis-server, the whole network in one application context, the console's
 * own login and STOMP channel. Time is an injected clock, so an hour's deadline passes at
 * once.
 */
/**
 * The walking skeleton, end to end through the real parts, as the console and a national
 * system use them: login form, STOMP alerts, the REST API. Time is an injected clock, so
 * an hour's deadline passes at once.
 */
class WalkingSkeletonIT extends NetworkTest {

	@Test
	void anUrgentRequestReachesTheOnCallOfficerLiveAndTheRequesterSeesTheAcknowledgement() throws Exception {
		OfficerId onCall = onCall("DE", StepTarget.PRIMARY_ON_CALL);
		try (ConsoleSession officer = ConsoleSession.login(this.port, onCall.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			officer.connectAlerts(this.subscriptions);

			Instant submittedAt = this.clock.instant();
			HttpResponse<String> submitted = requester.post("/api/v1/requests", preservationRequest("DE", "URGENT"));
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
			String id = json(submitted).get("id").asString();
			assertThat(submitted.headers().firstValue("Location")).contains("/api/v1/requests/" + id);

			AlertFrame alert = nextAlertFor(officer, id);
			assertThat(alert.kind()).isEqualTo(AlertFrame.ALERT);
			assertThat(alert.recipients()).containsExactly(onCall.value());
			assertThat(alert.from()).isEqualTo("FR");
			assertThat(alert.urgency()).isEqualTo("URGENT");
			assertThat(alert.step()).isEqualTo(1);
			assertThat(alert.deadline()).isEqualTo(submittedAt.plus(Duration.ofHours(1)));
			assertThat(alert.reason()).contains("primary on call");

			HttpResponse<String> acknowledged = officer.post("/api/v1/requests/" + id + "/acknowledgement", null);
			assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);

			await().atMost(ALERT_WITHIN).untilAsserted(() -> {
				JsonNode status = json(requester.get("/api/v1/requests/" + id));
				assertThat(status.get("state").asString()).isEqualTo("ACKNOWLEDGED");
				assertThat(status.get("acknowledgedBy").asString()).isEqualTo(onCall.value());
			});
			AlertFrame cleared = nextAlertFor(officer, id);
			assertThat(cleared.kind()).isEqualTo(AlertFrame.CLEARED);
		}
	}

	@Test
	void anAlertNobodyAcknowledgesEscalatesToTheNextStepAtItsDeadline() throws Exception {
		OfficerId primary = onCall("JP", StepTarget.PRIMARY_ON_CALL);
		OfficerId secondary = onCall("JP", StepTarget.SECONDARY_ON_CALL);
		try (ConsoleSession first = ConsoleSession.login(this.port, primary.value(), PASSWORD);
				ConsoleSession second = ConsoleSession.login(this.port, secondary.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "us.requester", PASSWORD)) {
			first.connectAlerts(this.subscriptions);
			second.connectAlerts(this.subscriptions);
			HttpResponse<String> submitted = requester.post("/api/v1/requests", preservationRequest("JP", "URGENT"));
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
			String id = json(submitted).get("id").asString();
			AlertFrame paged = nextAlertFor(first, id);
			assertThat(paged.kind()).isEqualTo(AlertFrame.ALERT);

			this.clock.advance(Duration.between(this.clock.instant(), paged.deadline()).plusSeconds(1));

			AlertFrame escalated = nextAlertFor(second, id);
			assertThat(escalated.kind()).isEqualTo(AlertFrame.ALERT);
			assertThat(escalated.step()).isEqualTo(2);
			// Planned from the missed deadline, not from when the timer fired.
			assertThat(escalated.deadline()).isEqualTo(paged.deadline().plus(Duration.ofHours(1)));
			assertThat(nextAlertFor(first, id).kind()).isEqualTo(AlertFrame.CLEARED);
			JsonNode status = json(requester.get("/api/v1/requests/" + id));
			assertThat(status.get("step").asInt()).isEqualTo(2);
			assertThat(status.get("paged").get(0).asString()).isEqualTo(secondary.value());
		}
	}

	@Test
	void thePagedOfficerCanEscalateByHandAndTheNextStepIsPagedAtOnce() throws Exception {
		OfficerId primary = onCall("US", StepTarget.PRIMARY_ON_CALL);
		OfficerId secondary = onCall("US", StepTarget.SECONDARY_ON_CALL);
		try (ConsoleSession first = ConsoleSession.login(this.port, primary.value(), PASSWORD);
				ConsoleSession second = ConsoleSession.login(this.port, secondary.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "de.requester", PASSWORD)) {
			second.connectAlerts(this.subscriptions);
			String id = json(requester.post("/api/v1/requests", preservationRequest("US", "EMERGENCY"))).get("id")
				.asString();
			await().atMost(ALERT_WITHIN)
				.until(() -> json(first.get("/api/v1/requests/" + id)).get("state").asString().equals("ALERTED"));

			assertThat(first.post("/api/v1/requests/" + id + "/escalation", null).statusCode()).isEqualTo(202);

			AlertFrame escalated = nextAlertFor(second, id);
			assertThat(escalated.step()).isEqualTo(2);
			assertThat(escalated.deadline()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(10)));
			assertThat(requester.post("/api/v1/requests/" + id + "/escalation", null).statusCode())
				.as("a requester may not escalate")
				.isEqualTo(403);
		}
	}

	@Test
	void badSubmissionsAreRefusedWithProblemDetailsAndNothingReachesKafka() throws Exception {
		Map<TopicPartition, Long> before = endOffsets();
		try (ConsoleSession requester = ConsoleSession.login(this.port, "nl.requester", PASSWORD)) {
			HttpResponse<String> malformed = requester.post("/api/v1/requests", "{\"to\": \"DE\",");
			assertThat(malformed.statusCode()).isEqualTo(400);
			assertThat(malformed.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(json(malformed).get("type").asString()).isEqualTo("/problems/malformed-request");

			HttpResponse<String> unknownCountry = requester.post("/api/v1/requests",
					preservationRequest("ZZ", "URGENT"));
			assertThat(unknownCountry.statusCode()).isEqualTo(422);
			assertThat(json(unknownCountry).get("type").asString()).isEqualTo("/problems/unknown-country");
			assertThat(json(unknownCountry).get("errors").get(0).get("field").asString()).isEqualTo("to");

			HttpResponse<String> missingField = requester.post("/api/v1/requests",
					preservationRequest("DE", "URGENT").replace("\"offence\"", "\"offense\""));
			assertThat(missingField.statusCode()).isEqualTo(422);
			assertThat(json(missingField).get("errors").get(0).get("field").asString()).isEqualTo("offence");
			assertThat(json(missingField).get("detail").asString()).contains("offence");

			HttpResponse<String> badUrgency = requester.post("/api/v1/requests", preservationRequest("DE", "SOON"));
			assertThat(badUrgency.statusCode()).isEqualTo(400);
			assertThat(json(badUrgency).get("errors").get(0).get("field").asString()).isEqualTo("urgency");

			String sentinel = "sentinel-" + UUID.randomUUID();
			HttpResponse<String> valid = requester.post("/api/v1/requests",
					preservationRequest("DE", "ROUTINE").replace("{", "{\"id\": \"" + sentinel + "\", "));
			assertThat(valid.statusCode()).as(valid.body()).isEqualTo(202);

			assertThat(recordsSince(before, sentinel)).extracting(ConsumerRecord::key).containsExactly(sentinel);
		}
	}

	@Test
	void anotherCountrysRequestIsInvisibleAndUnacknowledgeable() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "de.requester", PASSWORD);
				ConsoleSession stranger = ConsoleSession.login(this.port, "us.requester", PASSWORD);
				ConsoleSession wrongOfficer = ConsoleSession.login(this.port,
						onCall("NL", StepTarget.PRIMARY_ON_CALL).value(), PASSWORD)) {
			String id = json(requester.post("/api/v1/requests", preservationRequest("FR", "EMERGENCY"))).get("id")
				.asString();

			assertThat(stranger.get("/api/v1/requests/" + id).statusCode()).isEqualTo(404);
			assertThat(wrongOfficer.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode())
				.isEqualTo(404);
			assertThat(requester.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode()).isEqualTo(403);
		}
	}

}
