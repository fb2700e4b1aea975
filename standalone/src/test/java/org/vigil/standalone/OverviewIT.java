package org.vigil.standalone;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor sees what is open in their country, escalated and overdue; the network
 * coordinator sees it across the network; nobody else sees the overview.
 */
class OverviewIT extends NetworkTest {

	@Test
	void aSupervisorSeesTheirCountrysOverdueRequestsAndTheCoordinatorSeesTheNetwork() throws Exception {
		try (ConsoleSession supervisor = ConsoleSession.login(this.port, "jp.tanaka", PASSWORD);
				ConsoleSession coordinator = ConsoleSession.login(this.port, "net.coordinator", PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD);
				ConsoleSession officer = ConsoleSession.login(this.port, "jp.admin", PASSWORD)) {
			String id = json(requester.post("/api/v1/requests", preservationRequest("JP", "EMERGENCY"))).get("id")
				.asString();
			await().atMost(ALERT_WITHIN)
				.until(() -> json(requester.get("/api/v1/requests/" + id)).get("state").asString().equals("ALERTED"));
			JsonNode before = line(json(supervisor.get("/api/v1/overview")), id);
			assertThat(before.get("overdue").asBoolean()).isFalse();
			assertThat(before.get("escalated").asBoolean()).isFalse();

			// Ten minutes to acknowledge: a second past it, the first step has escalated
			// and
			// the second is not yet due.
			this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
			await().atMost(ALERT_WITHIN)
				.untilAsserted(() -> assertThat(
						line(json(supervisor.get("/api/v1/overview")), id).get("escalated").asBoolean())
					.isTrue());

			JsonNode network = json(coordinator.get("/api/v1/overview"));
			assertThat(network.get("scope").asString()).isEqualTo("network");
			assertThat(line(network, id)).isNotNull();
			JsonNode japan = json(supervisor.get("/api/v1/overview"));
			assertThat(japan.get("scope").asString()).isEqualTo("JP");
			assertThat(japan.get("open"))
				.allSatisfy((line) -> assertThat(line.get("status").get("to").asString()).isEqualTo("JP"));
			assertThat(requester.get("/api/v1/overview").statusCode()).isEqualTo(403);
			assertThat(officer.get("/api/v1/overview").statusCode()).isEqualTo(403);
		}
	}

	private static JsonNode line(JsonNode overview, String id) {
		for (JsonNode line : overview.get("open")) {
			if (line.get("status").get("id").asString().equals(id)) {
				return line;
			}
		}
		throw new AssertionError("request " + id + " is not in the overview " + overview.get("scope"));
	}

}
