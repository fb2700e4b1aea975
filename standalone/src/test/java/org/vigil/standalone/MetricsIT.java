package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators watch is on {@code /actuator/prometheus} once something happened: open
 * requests by state, time to acknowledge, escalations, deadline lateness, consumer lag
 * and refused submissions, each under its {@code vigil_*} name (docs/runbook.md and the
 * Grafana dashboard read these names).
 */
class MetricsIT extends NetworkTest {

	/**
	 * The series operators watch, by their Prometheus names (prefixes of the exposed
	 * series); the Grafana dashboard uses these and no others (DeploymentFileTest).
	 */
	static final List<String> SERIES = List.of("vigil_requests_open", "vigil_acknowledge_time_seconds",
			"vigil_escalations_total", "vigil_deadline_lateness_seconds", "vigil_consumer_lag",
			"vigil_submissions_rejected_total");

	@Test
	void anEscalatedAcknowledgedRequestAndARefusedOneShowOnThePrometheusEndpoint() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "us.requester", PASSWORD);
				ConsoleSession coordinator = ConsoleSession.login(this.port, "net.coordinator", PASSWORD)) {
			HttpResponse<String> refused = requester.post("/api/v1/requests", "{\"to\": \"JP\"}");
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);

			String id = json(requester.post("/api/v1/requests", preservationRequest("JP", "EMERGENCY"))).get("id")
				.asString();
			await().atMost(ALERT_WITHIN)
				.until(() -> json(requester.get("/api/v1/requests/" + id)).get("state").asString().equals("ALERTED"));
			// Ten minutes to acknowledge an emergency: a second later, the first step has
			// escalated.
			this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
			await().atMost(ALERT_WITHIN)
				.until(() -> json(requester.get("/api/v1/requests/" + id)).get("step").asInt() == 2);
			assertThat(coordinator.post("/api/v1/requests/" + id + "/acknowledgement", null).statusCode())
				.isEqualTo(202);
			await().atMost(ALERT_WITHIN)
				.until(() -> json(requester.get("/api/v1/requests/" + id)).get("state")
					.asString()
					.equals("ACKNOWLEDGED"));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				HttpResponse<String> scraped = coordinator.get("/actuator/prometheus");
				assertThat(scraped.statusCode()).isEqualTo(200);
				assertThat(scraped.body()).contains("vigil_requests_open{state=\"ACKNOWLEDGED\"}")
					.contains("vigil_requests_open{state=\"ALERTED\"}")
					.contains("vigil_acknowledge_time_seconds_count{drill=\"false\",urgency=\"EMERGENCY\"}")
					.contains("vigil_escalations_total{kind=\"deadline\"}")
					.contains("vigil_deadline_lateness_seconds_count")
					.contains("vigil_submissions_rejected_total{reason=\"invalid-fields\"}")
					.contains("vigil_consumer_lag{group=\"vigil-gateway\",topic=\"vigil.events\"}")
					.contains("vigil_consumer_lag{group=\"vigil-dispatcher\",topic=\"vigil.requests\"}");
			});
			String scrape = coordinator.get("/actuator/prometheus").body();
			assertThat(SERIES).allSatisfy((series) -> assertThat(scrape).contains(series));
			assertThat(metric(scrape, "vigil_requests_open{state=\"ACKNOWLEDGED\"}")).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void thePrometheusEndpointOnThePublicPortNeedsALogin() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
				.header("X-Requested-With", "fetch")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isIn(401, 302);
	}

	private static double metric(String exposition, String series) {
		return exposition.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(series + " not in the scrape"));
	}

}
