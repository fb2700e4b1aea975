package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.vigil.gateway.GatewayKeys;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway rebuilds a lost read model by itself even while nothing new comes: a
 * request whose status Redis lost is shown again, alerted, without another record on its
 * partitions, whether the partition's mark is gone or names a replay that nobody finished
 * (the instance running it died).
 */
class ReadModelRebuildIT extends NetworkTest {

	@Test
	void aLostRequestIsRebuiltWhileTheNetworkIsQuietAndACutShortReplayIsStartedAgain() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			HttpResponse<String> submitted = requester.post("/api/v1/requests", preservationRequest("DE", "URGENT"));
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
			String id = json(submitted).get("id").asString();
			await().atMost(ALERT_WITHIN)
				.untilAsserted(() -> assertThat(json(requester.get("/api/v1/requests/" + id)).path("step").asInt())
					.isEqualTo(1));

			// Redis loses the request and the marks: those of the submissions gone, those
			// of the events left by a replay cut short.
			List<String> marks = new ArrayList<>();
			this.redis.delete(List.of(GatewayKeys.request(RequestId.of(id)), GatewayKeys.timeline(RequestId.of(id))));
			for (String topic : List.of(Topics.REQUESTS, Topics.EVENTS, Topics.NOTIFICATIONS)) {
				endOffsets(topic).forEach((partition, end) -> {
					String mark = GatewayKeys.projected(topic, partition.partition());
					marks.add(mark);
					if (topic.equals(Topics.EVENTS)) {
						// As the instance running the replay left it when it died.
						this.redis.opsForValue().set(mark, "replaying:0:" + end);
					}
					else {
						this.redis.delete(mark);
					}
				});
			}
			assertThat(requester.get("/api/v1/requests/" + id).statusCode()).isEqualTo(404);

			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
				HttpResponse<String> status = requester.get("/api/v1/requests/" + id);
				assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
				JsonNode body = json(status);
				assertThat(body.path("step").asInt()).as(status.body()).isEqualTo(1);
				assertThat(body.path("request").path("offence").asString()).as("its submission too").isNotEmpty();
			});
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.redis.opsForValue().multiGet(marks)).as("marks of %s", marks)
					.containsOnly("1"));
		}
	}

}
