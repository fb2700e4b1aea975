package org.vigil.gateway.status;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.core.RedisCallback;
import org.vigil.embedded.testing.LocalRedis;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.metrics.GatewayMetrics;
import org.vigil.gateway.status.ProjectionMarks.Mark;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestRouted;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real redis-server: an event is written only while the read model still marks
 * its partition, checked in the same script as the writes, so that nothing is written on
 * top of nothing between a loss of Redis and the replay that rebuilds it; and a replay's
 * mark turns into a projected one only if Redis kept it meanwhile.
 */
class ProjectionMarksTest {

	private static final TopicPartition EVENTS = new TopicPartition(Topics.EVENTS, 1);

	private static final RequestId ID = RequestId.of("req-marks-0001");

	private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private ProjectionMarks marks;

	private RequestStatuses statuses;

	@BeforeEach
	void emptyRedis() {
		wipe();
		this.marks = new ProjectionMarks(redis.template());
		this.statuses = new RequestStatuses(redis.template(), new GatewayMetrics(new SimpleMeterRegistry()));
	}

	@Test
	void anEventIsWrittenOnlyWhileItsPartitionIsMarkedSoNothingLandsOnTopOfALoss() {
		assertThat(this.statuses.apply(routed(), EVENTS, false).lost()).as("never marked").isTrue();
		assertThat(redis.template().hasKey(GatewayKeys.request(ID))).isFalse();

		this.marks.replaying(EVENTS, new Mark.Replaying(0, 2));
		assertThat(this.statuses.apply(routed(), EVENTS, false).lost()).isFalse();
		assertThat(this.statuses.find(ID)).hasValueSatisfying((status) -> assertThat(status.step()).isNull());

		wipe();
		assertThat(this.statuses.apply(alerted(), EVENTS, false).lost()).as("Redis lost the read model").isTrue();
		assertThat(redis.template().hasKey(GatewayKeys.request(ID))).as("nothing written on top of the loss").isFalse();
		assertThat(redis.template().hasKey(GatewayKeys.timeline(ID))).isFalse();

		// The replay: from the first event, which is then not skipped as seen.
		this.marks.replaying(EVENTS, new Mark.Replaying(1, 2));
		assertThat(this.statuses.apply(routed(), EVENTS, false).lost()).isFalse();
		assertThat(this.statuses.apply(alerted(), EVENTS, false).frames()).isNotEmpty();
		assertThat(this.statuses.find(ID)).hasValueSatisfying((status) -> {
			assertThat(status.step()).isEqualTo(1);
			assertThat(status.timeline()).hasSize(2);
		});
		assertThat(this.statuses.apply(alerted(), EVENTS, false).frames()).as("seen before").isEmpty();
	}

	@Test
	void aReplayCountsAsDoneOnlyIfRedisKeptItsMark() {
		TopicPartition other = new TopicPartition(Topics.EVENTS, 2);
		Mark.Replaying replay = new Mark.Replaying(40, 57);
		assertThat(this.marks.of(List.of(EVENTS, other))).containsEntry(EVENTS, new Mark.Missing())
			.containsEntry(other, new Mark.Missing());

		this.marks.replaying(EVENTS, replay);
		assertThat(this.marks.of(List.of(EVENTS, other))).containsEntry(EVENTS, replay)
			.containsEntry(other, new Mark.Missing());
		assertThat(this.marks.replayed(EVENTS, new Mark.Replaying(0, 57))).as("another replay's mark").isFalse();
		assertThat(this.marks.replayed(EVENTS, replay)).isTrue();
		assertThat(this.marks.of(List.of(EVENTS))).containsEntry(EVENTS, new Mark.Projected());

		redis.template().opsForValue().set(ProjectionMarks.key(other), "replaying:garbled");
		assertThat(this.marks.of(List.of(other))).as("a mark this code did not write")
			.containsEntry(other, new Mark.Missing());
		this.marks.replaying(other, replay);
		wipe();
		assertThat(this.marks.replayed(other, replay)).as("Redis lost the replay's mark").isFalse();
		assertThat(this.marks.of(List.of(other))).containsEntry(other, new Mark.Missing());
	}

	private static void wipe() {
		redis.template().execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	private static RequestRouted routed() {
		return new RequestRouted(ID, 1, AT, CountryCode.of("FR"), CountryCode.of("DE"), Urgency.URGENT, 3, 4);
	}

	private static OfficersAlerted alerted() {
		return new OfficersAlerted(ID, 2, AT.plusSeconds(1), CountryCode.of("FR"), CountryCode.of("DE"), Urgency.URGENT,
				1, 1, List.of(OfficerId.of("de.mueller")), "rotation", AT.plusSeconds(600));
	}

}
