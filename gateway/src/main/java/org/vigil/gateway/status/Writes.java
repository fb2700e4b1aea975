package org.vigil.gateway.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis writes of one projected event, collected and then sent in one round trip, to
 * be applied by one script, so atomically, and only while the event's partition is still
 * marked in Redis.
 *
 * <p>
 * One round trip, because the projector is a single thread per partition and every round
 * trip it waits for delays the alerts behind it. Atomically, because the event's sequence
 * number is among the fields: written without the timeline entry and the state sets, a
 * crash in between would leave a replay skipping the event as seen, with its timeline
 * entry lost for good. Only while marked, because a write after Redis lost the read model
 * would land on top of nothing with the event's sequence number, and the replay that
 * rebuilds the request would then skip its earlier events as seen: with the mark checked
 * in the same script, nothing is ever written between the loss and the replay.
 */
final class Writes {

	/**
	 * Returns -1 without writing if the guard (KEYS[1]) is gone. Otherwise runs the
	 * commands in order: each is its name, the number of its arguments and the arguments,
	 * with its key the next of KEYS (so every key is declared to Redis).
	 */
	private static final RedisScript<Long> RUN = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 0 then
			  return -1
			end
			local key = 2
			local i = 1
			while i <= #ARGV do
			  local count = tonumber(ARGV[i + 1])
			  redis.call(ARGV[i], KEYS[key], unpack(ARGV, i + 2, i + 1 + count))
			  key = key + 1
			  i = i + 2 + count
			end
			return key - 2
			""", Long.class);

	private final List<String> keys = new ArrayList<>();

	private final List<String> arguments = new ArrayList<>();

	/**
	 * @param guard the key that must exist for any of the writes to happen: the mark of
	 * the partition the event came from
	 */
	Writes(String guard) {
		this.keys.add(guard);
	}

	/** One command on one key; only the write commands the read model uses. */
	Writes add(String command, String key, String... commandArguments) {
		this.keys.add(key);
		this.arguments.add(command);
		this.arguments.add(Integer.toString(commandArguments.length));
		this.arguments.addAll(List.of(commandArguments));
		return this;
	}

	Writes hset(String key, Map<String, String> fields) {
		if (fields.isEmpty()) {
			return this;
		}
		List<String> pairs = new ArrayList<>();
		fields.forEach((field, value) -> {
			pairs.add(field);
			pairs.add(value);
		});
		return add("HSET", key, pairs.toArray(String[]::new));
	}

	/**
	 * @return false, having written nothing, if the guard was gone
	 */
	boolean run(StringRedisTemplate redis) {
		if (this.arguments.isEmpty()) {
			return true;
		}
		Long result = redis.execute(RUN, this.keys, this.arguments.toArray());
		return result != null && result >= 0;
	}

}
