package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.vigil.directory.policy.StepTarget;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What follows an acknowledgement, through the real parts: the requested Party's answers,
 * the time to respond and snoozes, questions to the requester, and a preservation's
 * reminder and lapse, with the requester told over their console's queue. The injected
 * clock lets days pass at once.
 */
class RequestLifecycleIT extends NetworkTest {

	@Test
	void aPreservationIsAnsweredWithAReceiptThenRemindedThenLapses() throws Exception {
		OfficerId officer = onCall("NL", StepTarget.PRIMARY_ON_CALL);
		try (ConsoleSession netherlands = ConsoleSession.login(this.port, officer.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "de.requester", PASSWORD)) {
			requester.connectAlerts(this.subscriptions);
			String id = submitted(requester, "NL", "URGENT");
			assertThat(netherlands.post(path(id, "acknowledgement"), null).statusCode()).isEqualTo(202);
			JsonNode acknowledged = awaitState(requester, id, "ACKNOWLEDGED");
			assertThat(acknowledged.get("respondBy").asString()).isNotEmpty();

			ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
			LocalDate lastDay = LocalDate.ofInstant(this.clock.instant(), amsterdam).plusDays(3);
			HttpResponse<String> answered = netherlands.post(path(id, "response"),
					"{\"kind\": \"PRESERVED\", \"preservedUntil\": \"" + lastDay + "\", \"note\": \"Ref. NL-17\"}");
			assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);

			Instant lapses = lastDay.plusDays(1).atStartOfDay(amsterdam).toInstant();
			JsonNode preserved = awaitState(requester, id, "PRESERVED");
			assertThat(Instant.parse(preserved.get("preservedUntil").asString())).isEqualTo(lapses);
			assertThat(preserved.get("response").get("by").asString()).isEqualTo(officer.value());
			await().atMost(ALERT_WITHIN)
				.untilAsserted(
						() -> assertThat(json(requester.get("/api/v1/requests/" + id)).get("receipts").toString())
							.contains("RESPONDED"));
			assertThat(requester.get(path(id, "receipts/responded")).statusCode()).isEqualTo(200);
			AlertFrame notice = nextFrameFor(requester, id, AlertFrame.NOTICE);
			assertThat(notice.reason()).contains("PRESERVED until").contains("Ref. NL-17");

			this.clock.advance(Duration.between(this.clock.instant(), lapses.minus(Duration.ofHours(1))));
			AlertFrame reminder = nextFrameFor(requester, id, AlertFrame.NOTICE);
			assertThat(reminder.reason()).contains("lapses").contains("Art. 29(7)");

			this.clock.advance(Duration.ofHours(2));
			JsonNode closed = awaitState(requester, id, "CLOSED");
			assertThat(closed.get("outcome").asString()).isEqualTo("PRESERVATION_LAPSED");
		}
	}

	@Test
	void anAcknowledgedRequestWithoutAnAnswerComesBackAfterABoundedSnooze() throws Exception {
		OfficerId officer = onCall("FR", StepTarget.PRIMARY_ON_CALL);
		OfficerId colleague = onCall("FR", StepTarget.SECONDARY_ON_CALL);
		try (ConsoleSession france = ConsoleSession.login(this.port, officer.value(), PASSWORD);
				ConsoleSession other = ConsoleSession.login(this.port, colleague.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "us.requester", PASSWORD)) {
			france.connectAlerts(this.subscriptions);
			String id = submitted(requester, "FR", "EMERGENCY");
			assertThat(nextAlertFor(france, id).kind()).isEqualTo(AlertFrame.ALERT);
			assertThat(france.post(path(id, "acknowledgement"), null).statusCode()).isEqualTo(202);
			awaitState(requester, id, "ACKNOWLEDGED");
			assertThat(nextAlertFor(france, id).kind()).isEqualTo(AlertFrame.CLEARED);

			HttpResponse<String> tooLong = france.post(path(id, "snooze"), "{\"minutes\": 20}");
			assertThat(tooLong.statusCode()).isEqualTo(422);
			assertThat(json(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("minutes");
			HttpResponse<String> notTheirs = other.post(path(id, "snooze"), "{\"minutes\": 5}");
			assertThat(notTheirs.statusCode()).isEqualTo(409);
			assertThat(json(notTheirs).get("type").asString()).isEqualTo("/problems/request-state");

			Instant snoozedAt = this.clock.instant();
			assertThat(france.post(path(id, "snooze"), "{\"minutes\": 5}").statusCode()).isEqualTo(202);
			await().atMost(ALERT_WITHIN)
				.untilAsserted(
						() -> assertThat(json(requester.get("/api/v1/requests/" + id)).get("respondBy").asString())
							.isEqualTo(snoozedAt.plus(Duration.ofMinutes(5)).toString()));

			this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
			AlertFrame again = nextAlertFor(france, id);
			assertThat(again.kind()).isEqualTo(AlertFrame.ALERT);
			assertThat(again.recipients()).containsExactly(officer.value());
			assertThat(again.reason()).contains("gave no answer");
			assertThat(again.deadline()).isEqualTo(snoozedAt.plus(Duration.ofMinutes(15)));
			assertThat(awaitState(requester, id, "ALERTED").get("acknowledgedBy").isNull()).isTrue();
		}
	}

	@Test
	void aQuestionGoesToTheRequesterAndARefusalClosesTheRequest() throws Exception {
		OfficerId officer = onCall("US", StepTarget.PRIMARY_ON_CALL);
		try (ConsoleSession unitedStates = ConsoleSession.login(this.port, officer.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "jp.requester", PASSWORD);
				ConsoleSession stranger = ConsoleSession.login(this.port,
						onCall("DE", StepTarget.PRIMARY_ON_CALL).value(), PASSWORD)) {
			unitedStates.connectAlerts(this.subscriptions);
			Map<TopicPartition, Long> auditBefore = endOffsets(Topics.AUDIT);
			String id = submitted(requester, "US", "ROUTINE");
			awaitState(requester, id, "ALERTED");

			HttpResponse<String> bare = unitedStates.post(path(id, "response"), "{\"kind\": \"NEEDS_INFORMATION\"}");
			assertThat(bare.statusCode()).isEqualTo(422);
			assertThat(json(bare).get("errors").get(0).get("field").asString()).isEqualTo("note");
			assertThat(stranger.post(path(id, "response"), "{\"kind\": \"DISCLOSED\"}").statusCode()).isEqualTo(404);
			assertThat(requester.post(path(id, "response"), "{\"kind\": \"DISCLOSED\"}").statusCode()).isEqualTo(403);

			assertThat(unitedStates
				.post(path(id, "response"), "{\"kind\": \"NEEDS_INFORMATION\", \"note\": \"Which account?\"}")
				.statusCode()).isEqualTo(202);
			JsonNode asked = awaitState(requester, id, "AWAITING_INFORMATION");
			assertThat(asked.get("acknowledgedBy").asString()).as("answering acknowledges").isEqualTo(officer.value());

			assertThat(unitedStates.post(path(id, "information"), "{\"note\": \"x\"}").statusCode()).isEqualTo(403);
			Instant repliedAt = this.clock.instant();
			assertThat(requester.post(path(id, "information"), "{\"note\": \"Account 4711\"}").statusCode())
				.isEqualTo(202);
			AlertFrame told = nextFrameFor(unitedStates, id, AlertFrame.NOTICE);
			assertThat(told.reason()).contains("Account 4711");
			JsonNode replied = awaitState(requester, id, "ACKNOWLEDGED");
			assertThat(replied.get("respondBy").asString()).isEqualTo(repliedAt.plus(Duration.ofDays(3)).toString());

			assertThat(unitedStates
				.post(path(id, "response"), "{\"kind\": \"REFUSED\", \"note\": \"Art. 29(5): not an offence here\"}")
				.statusCode()).isEqualTo(202);
			JsonNode closed = awaitState(requester, id, "CLOSED");
			assertThat(closed.get("outcome").asString()).isEqualTo("REFUSED");
			HttpResponse<String> again = unitedStates.post(path(id, "response"), "{\"kind\": \"DISCLOSED\"}");
			assertThat(again.statusCode()).isEqualTo(409);

			// Who did and who saw what, without the contents: the answers' kinds, never
			// their
			// notes.
			List<AuditEntry> audit = auditSince(auditBefore, (entry) -> entry.object().equals(id)
					&& entry.action().equals("RESPOND") && entry.detail().equals("REFUSED"));
			assertThat(audit).filteredOn((entry) -> entry.object().equals(id))
				.extracting(AuditEntry::actor, AuditEntry::action)
				.contains(tuple("jp.requester", "SUBMIT_REQUEST"), tuple("jp.requester", "READ_REQUEST"),
						tuple(officer.value(), "RESPOND"), tuple("jp.requester", "SUPPLY_INFORMATION"));
			assertThat(audit).extracting(AuditEntry::detail).noneMatch((detail) -> detail.contains("Account 4711"));
		}
	}

	private static String submitted(ConsoleSession requester, String to, String urgency) throws Exception {
		HttpResponse<String> submitted = requester.post("/api/v1/requests", preservationRequest(to, urgency));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
		return json(submitted).get("id").asString();
	}

	private static JsonNode awaitState(ConsoleSession session, String id, String state) {
		return await().atMost(ALERT_WITHIN)
			.until(() -> json(session.get("/api/v1/requests/" + id)),
					(status) -> state.equals(status.get("state").asString()));
	}

	private static String path(String id, String action) {
		return "/api/v1/requests/" + id + "/" + action;
	}

}
