package org.vigil.gateway.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis writes of one projected event, collected and then sent in one round trip, to
 * be applied by one script, so atomically.
 *
 * <p>
 * One round trip, because the projector is a single thread per partition and every round
 * trip it waits for delays the alerts behind it. Atomically, because the event's sequence
 * number is among the fields: written without the timeline entry and the state sets, a
 * crash in between would leave a replay skipping the event as seen, with its timeline
 * entry lost for good.
 */
final class Writes {

	/**
	 * Runs the commands in order: each is its name, the number of its arguments and the
	 * arguments, with its key the next of KEYS (so every key is declared to Redis).
	 */
	private static final RedisScript<Long> RUN = new DefaultRedisScript<>("""
			local key = 1
			local i = 1
			while i <= #ARGV do
			  local count = tonumber(ARGV[i + 1])
			  redis.call(ARGV[i], KEYS[key], unpack(ARGV, i + 2, i + 1 + count))
			  key = key + 1
			  i = i + 2 + count
			end
			return key - 1
			""", Long.class);

	private final List<String> keys = new ArrayList<>();

	private final List<String> arguments = new ArrayList<>();

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

	void run(StringRedisTemplate redis) {
		if (!this.keys.isEmpty()) {
			redis.execute(RUN, this.keys, this.arguments.toArray());
		}
	}

}
