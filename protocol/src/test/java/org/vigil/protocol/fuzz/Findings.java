package org.vigil.protocol.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * What one property found: every input that broke it is written in hex to
 * {@code target/fuzz-failures/}, and {@link #assertNone()} fails with the first few,
 * input included, so that each can be replayed and kept as a regression.
 */
final class Findings {

	private static final Path FOLDER = Path.of("target", "fuzz-failures");

	private static final int SHOWN = 3;

	private final String property;

	private final List<String> reports = new ArrayList<>();

	Findings(String property) {
		this.property = property;
		// Inputs of an earlier run of the same property would be mistaken for this run's.
		try (var earlier = Files.exists(FOLDER) ? Files.list(FOLDER) : Stream.<Path>empty()) {
			for (Path file : earlier.filter((file) -> file.getFileName().toString().startsWith(property + "-"))
				.toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void add(int attempt, byte[] input, String problem, Throwable cause) {
		String hex = HexFormat.of().formatHex(input);
		StringWriter report = new StringWriter();
		report.append(this.property)
			.append(" try ")
			.append(String.valueOf(attempt))
			.append(" (seed ")
			.append(String.valueOf(FuzzSettings.seed()))
			.append("): ")
			.append(problem)
			.append('\n')
			.append("input (")
			.append(String.valueOf(input.length))
			.append(" bytes): ")
			.append(hex)
			.append('\n');
		if (cause != null) {
			cause.printStackTrace(new PrintWriter(report));
		}
		this.reports.add(report.toString());
		try {
			Files.createDirectories(FOLDER);
			Files.writeString(FOLDER.resolve(this.property + "-" + attempt + ".hex"), hex + "\n",
					StandardCharsets.US_ASCII);
			Files.writeString(FOLDER.resolve(this.property + "-summary.txt"), "try " + attempt + ": " + problem + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int count() {
		return this.reports.size();
	}

	void assertNone() {
		if (!this.reports.isEmpty()) {
			fail(this.reports.size() + " failing inputs (all in " + FOLDER.toAbsolutePath() + "); the first "
					+ Math.min(SHOWN, this.reports.size()) + ":\n\n"
					+ String.join("\n", this.reports.subList(0, Math.min(SHOWN, this.reports.size()))));
		}
	}

}
