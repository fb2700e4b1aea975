package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

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

	/**
	 * Deletes KEYS[1] and KEYS[2]; sets each further key to its ARGV, or deletes it for
	 * an empty one. One script, so that the projector sees all of it or none.
	 */
	private static final RedisScript<Long> LOSE = new DefaultRedisScript<>("""
			local deleted = redis.call('DEL', KEYS[1], KEYS[2])
			for i = 3, #KEYS do
			  if ARGV[i - 2] == '' then
			    redis.call('DEL', KEYS[i])
			  else
			    redis.call('SET', KEYS[i], ARGV[i - 2])
			  end
			end
			return deleted
			""", Long.class);

	@Test
	void aLostRequestIsRebuiltWhileTheNetworkIsQuietAndACutShortReplayIsStartedAgain() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			HttpResponse<String> submitted = requester.post("/api/v1/requests", preservationRequest("DE", "URGENT"));
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
			String id = json(submitted).get("id").asString();
			await().atMost(ALERT_WITHIN)
				.untilAsserted(() -> assertThat(json(requester.get("/api/v1/requests/" + id)).path("step").asInt())
					.isEqualTo(1));

			// Redis loses the request and the marks, at once: those of the submissions
			// and
			// delivery updates gone, those of the events left by a replay cut short (as
			// the
			// instance running it left them when it died).
			List<String> marks = new ArrayList<>();
			List<String> values = new ArrayList<>();
			for (String topic : List.of(Topics.REQUESTS, Topics.EVENTS, Topics.NOTIFICATIONS)) {
				endOffsets(topic).forEach((partition, end) -> {
					marks.add(GatewayKeys.projected(topic, partition.partition()));
					values.add(topic.equals(Topics.EVENTS) ? "replaying:0:" + end : "");
				});
			}
			List<String> keys = new ArrayList<>(
					List.of(GatewayKeys.request(RequestId.of(id)), GatewayKeys.timeline(RequestId.of(id))));
			keys.addAll(marks);
			assertThat(this.redis.execute(LOSE, keys, values.toArray())).as("the request's keys deleted").isEqualTo(2);

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
