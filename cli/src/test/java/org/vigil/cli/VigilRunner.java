package org.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Runs the {@code vigil} command in-process, with a fixed clock, capturing its output.
 */
public final class VigilRunner {

	/** The instant of every test, unless moved. */
	public static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

	private final Clock clock;

	private final Map<String, String> env;

	public VigilRunner() {
		this(Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
	}

	public VigilRunner(Clock clock, Map<String, String> env) {
		this.clock = clock;
		this.env = env;
	}

	/** The same, at another instant. */
	public VigilRunner at(Instant instant) {
		return new VigilRunner(Clock.fixed(instant, ZoneOffset.UTC), this.env);
	}

	/** The same, with another environment. */
	public VigilRunner env(Map<String, String> env) {
		return new VigilRunner(this.clock, env);
	}

	public Clock clock() {
		return this.clock;
	}

	public Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new Vigil(this.clock, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), this.env)
			.run(args);
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * What a run did.
	 *
	 * @param status the exit status
	 * @param out what it printed on stdout
	 * @param err what it printed on stderr
	 */
	public record Result(int status, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.status + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}
