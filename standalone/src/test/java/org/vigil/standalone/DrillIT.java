package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.drill.DrillProperties;
import org.vigil.gateway.drill.DrillScheduler;
import org.vigil.gateway.drill.Drills;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reachability drills through the real parts: a drill of every Party started by the
 * network coordinator over the API, one Party's on-call officer acknowledging it, the
 * others' ladders running out, and the report that results; and the schedule, started
 * once per Party and period however many gateway instances look.
 */
class DrillIT extends NetworkTest {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	@Autowired
	Drills drills;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	DirectoryView directory;

	@Test
	void aDrillOfEveryPartyProducesTheReport() throws Exception {
		int parties = this.directory.contactPoints().size();
		OfficerId dutch = onCall("NL", StepTarget.PRIMARY_ON_CALL);
		try (ConsoleSession coordinator = ConsoleSession.login(this.port, "net.coordinator", PASSWORD);
				ConsoleSession netherlands = ConsoleSession.login(this.port, dutch.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "de.requester", PASSWORD)) {
			netherlands.connectAlerts(this.subscriptions);
			assertThat(requester.post("/api/v1/drills", "{\"countries\": [\"DE\"]}").statusCode()).isEqualTo(403);
			HttpResponse<String> both = coordinator.post("/api/v1/drills", "{\"countries\": [\"DE\"], \"all\": true}");
			assertThat(both.statusCode()).isEqualTo(422);
			assertThat(coordinator.post("/api/v1/drills", "{\"countries\": [\"ZZ\"]}").statusCode()).isEqualTo(422);

			Instant started = this.clock.instant();
			HttpResponse<String> answer = coordinator.post("/api/v1/drills",
					"{\"all\": true, \"urgency\": \"EMERGENCY\"}");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
			Map<String, String> drillOf = new HashMap<>();
			json(answer).get("drills")
				.forEach((drill) -> drillOf.put(drill.get("country").asString(), drill.get("requestId").asString()));
			assertThat(drillOf).hasSize(parties).containsKey("NL");
			String drill = drillOf.get("NL");

			AlertFrame alert = nextAlertFor(netherlands, drill);
			assertThat(alert.kind()).isEqualTo(AlertFrame.ALERT);
			assertThat(alert.drill()).isTrue();
			assertThat(alert.from()).isEqualTo("NL");
			assertThat(alert.to()).isEqualTo("NL");

			this.clock.advance(Duration.ofMinutes(3));
			assertThat(netherlands.post("/api/v1/requests/" + drill + "/acknowledgement", null).statusCode())
				.isEqualTo(202);
			await().atMost(SETTLE).untilAsserted(() -> {
				JsonNode status = json(netherlands.get("/api/v1/requests/" + drill));
				assertThat(status.get("state").asString()).isEqualTo("CLOSED");
				assertThat(status.get("outcome").asString()).isEqualTo("DRILL_ACKNOWLEDGED");
				assertThat(status.get("drill").asBoolean()).isTrue();
			});

			// A drill that nobody acknowledges climbs every step of its Party and fails.
			this.clock.advance(Duration.ofDays(1));
			await().atMost(SETTLE).untilAsserted(() -> {
				JsonNode report = json(coordinator.get("/api/v1/drills/report"));
				assertThat(report).hasSize(parties);
				for (JsonNode line : report) {
					assertThat(line.get("running").asInt()).as(line.toString()).isZero();
					assertThat(line.get("lastDrill").asString()).isEqualTo(started.toString());
					String expected = line.get("country").asString().equals("NL") ? "ACKNOWLEDGED" : "FAILED";
					assertThat(line.get("lastOutcome").asString()).as(line.toString()).isEqualTo(expected);
				}
			});
			JsonNode report = json(coordinator.get("/api/v1/drills/report"));
			for (JsonNode line : report) {
				if (line.get("country").asString().equals("NL")) {
					assertThat(line.get("medianMillisToAcknowledge").asLong()).isEqualTo(180_000);
					assertThat(line.get("worstMillisToAcknowledge").asLong()).isEqualTo(180_000);
				}
				else {
					assertThat(line.get("failures").asInt()).isGreaterThanOrEqualTo(1);
				}
			}

			JsonNode dutchReport = json(netherlands.get("/api/v1/drills/report/NL"));
			JsonNode result = dutchReport.get("results").get(0);
			assertThat(result.get("requestId").asString()).isEqualTo(drill);
			assertThat(result.get("acknowledgedBy").asString()).isEqualTo(dutch.value());
			assertThat(result.get("step").asInt()).isEqualTo(1);
			assertThat(result.get("millisToAcknowledge").asLong()).isEqualTo(180_000);
			assertThat(netherlands.get("/api/v1/drills/report/DE").statusCode()).isEqualTo(404);
			assertThat(json(requester.get("/api/v1/drills/report"))).singleElement()
				.satisfies((line) -> assertThat(line.get("country").asString()).isEqualTo("DE"));
		}
	}

	@Test
	void aScheduledDrillStartsOncePerPartyAndPeriodWhicheverInstanceLooks() {
		int parties = this.directory.contactPoints().size();
		DrillProperties hourly = new DrillProperties(Duration.ofHours(1), null, null);
		DrillScheduler one = new DrillScheduler(this.drills, this.redis, this.clock, hourly);
		DrillScheduler other = new DrillScheduler(this.drills, this.redis, this.clock, hourly);
		assertThat(one.startDue()).as("enabling the schedule fires no burst").isEmpty();

		List<Drills.Started> started = new ArrayList<>();
		// Every half minute: closer than the slots of 76 Parties in an hour (47 s apart),
		// so each slot is looked at on a tick of its own.
		for (int tick = 0; tick < 120; tick++) {
			this.clock.advance(Duration.ofSeconds(30));
			started.addAll(one.startDue());
			started.addAll(other.startDue());
		}

		assertThat(started).hasSize(parties);
		assertThat(started).extracting(Drills.Started::country).doesNotHaveDuplicates();
		assertThat(started).extracting(Drills.Started::startedAt).as("staggered over the hour").doesNotHaveDuplicates();
		// Let them run out, so that no drill is left paging the other tests' officers.
		this.clock.advance(Duration.ofDays(1));
		await().atMost(SETTLE)
			.untilAsserted(() -> assertThat(started).allSatisfy((drill) -> assertThat(
					this.redis.opsForHash().get(GatewayKeys.drill(RequestId.of(drill.requestId())), "outcome"))
				.isNotEqualTo("RUNNING")));
	}

}
