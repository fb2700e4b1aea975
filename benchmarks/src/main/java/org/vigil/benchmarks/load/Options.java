package org.vigil.benchmarks.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of a load tool, with defaults. */
final class Options {

	private final Map<String, String> values = new HashMap<>();

	Options(String[] args) {
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Expected --name=value, got " + arg);
			}
			this.values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
	}

	int integer(String name, int fallback) {
		return Integer.parseInt(this.values.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
	}

	/** A duration in milliseconds. */
	Duration millis(String name, long fallback) {
		return Duration.ofMillis(Long.parseLong(this.values.getOrDefault(name, Long.toString(fallback))));
	}

	String text(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

}
