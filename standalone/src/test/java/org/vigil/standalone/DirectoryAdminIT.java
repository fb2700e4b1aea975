package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigil.directory.policy.StepTarget;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A country administrator edits their own Party's roster over the API, with optimistic
 * concurrency, and the next alert follows the change; everyone else is refused with a
 * problem detail, and nothing is written.
 */
class DirectoryAdminIT extends NetworkTest {

	private static final String GERMANY = "/api/v1/directory/contact-points/DE";

	@Test
	void anOverrideSavedByTheCountryAdministratorDecidesWhoIsPagedNext() throws Exception {
		OfficerId scheduled = onCall("DE", StepTarget.PRIMARY_ON_CALL);
		OfficerId standIn = onCall("DE", StepTarget.SECONDARY_ON_CALL);
		try (ConsoleSession admin = ConsoleSession.loginAsAdministrator(this.port, "de.admin", PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "nl.requester", PASSWORD)) {
			HttpResponse<String> loaded = admin.get(GERMANY);
			assertThat(loaded.statusCode()).isEqualTo(200);
			String etag = loaded.headers().firstValue("ETag").orElseThrow();
			String original = loaded.body();
			Map<TopicPartition, Long> before = endOffsets(Topics.AUDIT);
			try {
				ZoneId berlin = ZoneId.of("Europe/Berlin");
				LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), berlin)
					.truncatedTo(ChronoUnit.MINUTES);
				ObjectNode entry = (ObjectNode) json(loaded);
				ArrayNode overrides = entry.putArray("overrides");
				overrides.addObject()
					.put("name", "leave of " + scheduled.value())
					.put("replaces", scheduled.value())
					.put("by", standIn.value())
					.put("from", now.minusHours(1).toString())
					.put("until", now.plusDays(1).toString());

				HttpResponse<String> saved = admin.put(GERMANY, entry.toString(), etag);
				assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
				String newEtag = saved.headers().firstValue("ETag").orElseThrow();
				assertThat(newEtag).isNotEqualTo(etag);

				JsonNode onCall = json(admin.get(GERMANY + "/on-call"));
				assertThat(onCall.get("now").get("duty").get("primary").asString()).isEqualTo(standIn.value());
				assertThat(onCall.get("now").get("reason").asString()).contains("leave of " + scheduled.value());

				String id = json(requester.post("/api/v1/requests", preservationRequest("DE", "URGENT"))).get("id")
					.asString();
				await().atMost(ALERT_WITHIN)
					.untilAsserted(
							() -> assertThat(json(requester.get("/api/v1/requests/" + id)).get("paged").toString())
								.contains(standIn.value()));

				assertThat(admin.put(GERMANY, original, etag).statusCode()).as("a change made from a stale version")
					.isEqualTo(412);
				assertThat(auditSince(before,
						(audit) -> audit.action().equals("CHANGE_DIRECTORY_ENTRY")
								&& audit.outcome().equals("ACCEPTED")))
					.filteredOn((audit) -> audit.action().equals("CHANGE_DIRECTORY_ENTRY")
							&& audit.outcome().equals("ACCEPTED"))
					.singleElement()
					.satisfies((audit) -> {
						assertThat(audit.actor()).isEqualTo("de.admin");
						assertThat(audit.object()).isEqualTo("party/DE");
						assertThat(audit.detail()).contains(etag).contains(newEtag);
					});
			}
			finally {
				// The context is shared: leave Germany's roster as the other tests expect
				// it,
				// from whatever version it is at now.
				String current = admin.get(GERMANY).headers().firstValue("ETag").orElseThrow();
				HttpResponse<String> restored = admin.put(GERMANY, original, current);
				assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
			}
		}
		finally {
			SecondFactor.forget(this.redis, "de.admin");
		}
	}

	@Test
	void changesWithoutTheRightVersionRoleOrShapeAreRefusedAndAudited() throws Exception {
		try (ConsoleSession admin = ConsoleSession.loginAsAdministrator(this.port, "de.admin", PASSWORD);
				ConsoleSession otherAdmin = ConsoleSession.loginAsAdministrator(this.port, "fr.admin", PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "de.requester", PASSWORD)) {
			HttpResponse<String> loaded = admin.get(GERMANY);
			String etag = loaded.headers().firstValue("ETag").orElseThrow();
			String entry = loaded.body();
			Map<TopicPartition, Long> before = endOffsets(Topics.DIRECTORY);
			Map<TopicPartition, Long> auditBefore = endOffsets(Topics.AUDIT);

			assertProblem(admin.put(GERMANY, entry, null), 428, "/problems/if-match-required");
			assertProblem(admin.put(GERMANY, entry, "\"not-the-version\""), 412, "/problems/stale-entry");
			assertProblem(otherAdmin.put(GERMANY, entry, etag), 403, "/problems/not-allowed");
			assertProblem(requester.put(GERMANY, entry, etag), 403, "/problems/not-allowed");
			assertProblem(admin.put(GERMANY, "{\"country\": ", etag), 400, "/problems/malformed-request");
			assertProblem(admin.put(GERMANY, entry.replace("\"country\":\"DE\"", "\"country\":\"FR\""), etag), 422,
					"/problems/invalid-fields");
			ObjectNode stranger = (ObjectNode) WireJson.mapper().readTree(entry);
			((ArrayNode) stranger.get("rotation").get("officers")).add("xx.nobody");
			HttpResponse<String> invalid = admin.put(GERMANY, stranger.toString(), etag);
			assertProblem(invalid, 422, "/problems/invalid-fields");
			assertThat(json(invalid).get("detail").asString()).contains("xx.nobody");
			assertProblem(admin.get("/api/v1/directory/contact-points/ZZ"), 404, "/problems/not-found");

			assertThat(endOffsets(Topics.DIRECTORY)).as("nothing written").isEqualTo(before);
			try (ConsoleSession networkAdmin = ConsoleSession.loginAsAdministrator(this.port, "net.coordinator",
					PASSWORD)) {
				HttpResponse<String> unchanged = networkAdmin.put(GERMANY, entry, etag);
				assertThat(unchanged.statusCode()).as("a network administrator may edit any Party").isEqualTo(200);
				assertThat(unchanged.headers().firstValue("ETag")).contains(etag);
			}
			assertThat(endOffsets(Topics.DIRECTORY)).as("an unchanged entry is not written again").isEqualTo(before);
			assertThat(auditSince(auditBefore, (audit) -> audit.detail().contains("xx.nobody")))
				.filteredOn((audit) -> audit.action().equals("CHANGE_DIRECTORY_ENTRY"))
				.extracting(AuditEntry::actor, AuditEntry::outcome)
				.contains(tuple("de.admin", "REJECTED /problems/if-match-required"),
						tuple("de.admin", "REJECTED /problems/stale-entry"),
						tuple("fr.admin", "REJECTED /problems/not-allowed"),
						tuple("de.requester", "REJECTED /problems/not-allowed"));
		}
		finally {
			SecondFactor.forget(this.redis, "de.admin");
			SecondFactor.forget(this.redis, "fr.admin");
			SecondFactor.forget(this.redis, "net.coordinator");
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(json(response).get("type").asString()).isEqualTo(type);
	}

}
