package org.vigil.gateway.status;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.vigil.gateway.GatewayKeys;

/**
 * What the read model in Redis holds of each partition the projector reads
 * ({@link GatewayKeys#projected}): nothing (Redis lost it, or never had it), a replay
 * from the partition's beginning under way, or everything from its first record on.
 *
 * <p>
 * The replay's mark names the offsets that matter to whoever finishes it: from which
 * offset its records were never projected, so their frames are still owed to the
 * officers, and the offset it must get past before the partition counts as projected
 * again (the consumer group may have committed up to there).
 */
public class ProjectionMarks {

	static final String PROJECTED = "1";

	private static final String REPLAYING = "replaying:";

	/** Sets KEYS[1] to ARGV[2] only if it still holds ARGV[1]. */
	private static final RedisScript<Long> REPLACE = new DefaultRedisScript<>("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('SET', KEYS[1], ARGV[2])
			  return 1
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	public ProjectionMarks(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** The marks of these partitions, in one round trip. */
	public Map<TopicPartition, Mark> of(Collection<TopicPartition> partitions) {
		List<TopicPartition> asked = List.copyOf(partitions);
		List<String> values = this.redis.opsForValue().multiGet(asked.stream().map(ProjectionMarks::key).toList());
		Map<TopicPartition, Mark> marks = new LinkedHashMap<>();
		for (int i = 0; i < asked.size(); i++) {
			marks.put(asked.get(i), Mark.parse((values != null) ? values.get(i) : null));
		}
		return marks;
	}

	/** A replay of the partition from its beginning starts (or starts again). */
	public void replaying(TopicPartition partition, Mark.Replaying replay) {
		this.redis.opsForValue().set(key(partition), replay.value());
	}

	/** The partition is projected from its first record on. */
	public void projected(TopicPartition partition) {
		this.redis.opsForValue().set(key(partition), PROJECTED);
	}

	/**
	 * The replay is past the offset it had to reach: the partition counts as projected,
	 * unless Redis lost the mark meanwhile (then it is replayed again).
	 * @return whether the mark was replaced
	 */
	public boolean replayed(TopicPartition partition, Mark.Replaying replay) {
		Long replaced = this.redis.execute(REPLACE, List.of(key(partition)), replay.value(), PROJECTED);
		return replaced != null && replaced == 1;
	}

	static String key(TopicPartition partition) {
		return GatewayKeys.projected(partition.topic(), partition.partition());
	}

	/** What the read model holds of one partition. */
	public sealed interface Mark {

		static Mark parse(String value) {
			if (value == null) {
				return new Missing();
			}
			if (value.startsWith(REPLAYING)) {
				String[] offsets = value.substring(REPLAYING.length()).split(":");
				try {
					return new Replaying(Long.parseLong(offsets[0]), Long.parseLong(offsets[1]));
				}
				catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
					// Not written by this code: read as lost, so the partition is
					// replayed
					// (and the mark rewritten) rather than failing every batch.
					return new Missing();
				}
			}
			return new Projected();
		}

		/** Nothing: Redis lost it, or never had it. */
		record Missing() implements Mark {
		}

		/** Everything from the partition's first record on. */
		record Projected() implements Mark {
		}

		/**
		 * A replay from the beginning is under way.
		 *
		 * @param pushFrom the offset from which records were never projected: their
		 * frames are pushed when the replay gets to them, those of earlier ones are not
		 * pushed again
		 * @param until the offset the replay must reach before the partition counts as
		 * projected again
		 */
		record Replaying(long pushFrom, long until) implements Mark {

			String value() {
				return REPLAYING + this.pushFrom + ":" + this.until;
			}

		}

	}

}
