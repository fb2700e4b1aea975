package org.vigil.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/api-guide.md cannot go stale: its {@code sh test} blocks run, in order, in one
 * {@code bash} with the real {@code curl} and {@code jq} against this network (its port
 * and password substituted for the demo's), and every {@code curl} must answer the status
 * its block's {@code expect=} lists, in order.
 */
class ApiGuideIT extends NetworkTest {

	static final Path GUIDE = Path.of("..", "docs", "api-guide.md");

	/** A fenced block whose info string is {@code sh test}, with an optional expect=. */
	static final Pattern BLOCK = Pattern.compile("(?ms)^```sh test(?: expect=([0-9,]+))?\\n(.*?)^```$");

	/**
	 * Wraps curl so that each call reports its status on stderr, leaving stdout to the
	 * pipes of the example ({@code %{stderr}} needs curl 7.63 or newer).
	 */
	static final String PREAMBLE = """
			set -euo pipefail
			curl() { command curl -sS -w '%{stderr}VIGIL_STATUS %{http_code}\\n' "$@"; }
			""";

	record Block(int index, String script, List<String> expected) {
	}

	@TempDir
	Path workDir;

	@Test
	void everyTestedExampleOfTheApiGuideAnswersWhatItSays() throws Exception {
		List<Block> blocks = blocks(Files.readString(GUIDE));
		assertThat(blocks).as("tested blocks in " + GUIDE).hasSizeGreaterThan(10);
		StringBuilder script = new StringBuilder(PREAMBLE);
		for (Block block : blocks) {
			script.append("echo 'VIGIL_BLOCK ").append(block.index()).append("' >&2\n");
			script
				.append(block.script()
					.replace("http://127.0.0.1:8080", "http://127.0.0.1:" + this.port)
					.replace(":vigil-demo", ":" + PASSWORD))
				.append('\n');
		}
		script.append("echo 'VIGIL_BLOCK end' >&2\n");
		Files.writeString(this.workDir.resolve("guide.sh"), script);

		Process bash = new ProcessBuilder("bash", "guide.sh").directory(this.workDir.toFile())
			.redirectOutput(this.workDir.resolve("stdout.txt").toFile())
			.redirectError(this.workDir.resolve("stderr.txt").toFile())
			.start();
		if (!bash.waitFor(300, TimeUnit.SECONDS)) {
			bash.destroyForcibly();
			fail("The guide's examples did not finish within 300 s:\n" + output());
		}
		List<List<String>> statuses = statusesByBlock(Files.readString(this.workDir.resolve("stderr.txt")));
		for (Block block : blocks) {
			if (block.index() >= statuses.size()) {
				fail("Example " + block.index() + " did not run (bash stopped before it, exit " + bash.exitValue()
						+ "):\n" + block.script() + "\n" + output());
			}
			assertThat(statuses.get(block.index()))
				.as("HTTP statuses of example %d:%n%s%n%s", block.index(), block.script(), output())
				.isEqualTo(block.expected());
		}
		assertThat(bash.exitValue()).as(output()).isZero();
	}

	static List<Block> blocks(String markdown) {
		List<Block> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(markdown);
		while (matcher.find()) {
			List<String> expected = (matcher.group(1) != null) ? Arrays.asList(matcher.group(1).split(",")) : List.of();
			blocks.add(new Block(blocks.size(), matcher.group(2), expected));
		}
		return blocks;
	}

	/** The VIGIL_STATUS lines of stderr, grouped by the VIGIL_BLOCK line before them. */
	static List<List<String>> statusesByBlock(String stderr) {
		List<List<String>> statuses = new ArrayList<>();
		for (String line : stderr.split("\n")) {
			if (line.startsWith("VIGIL_BLOCK ") && !line.equals("VIGIL_BLOCK end")) {
				statuses.add(new ArrayList<>());
			}
			else if (line.startsWith("VIGIL_STATUS ") && !statuses.isEmpty()) {
				statuses.get(statuses.size() - 1).add(line.substring("VIGIL_STATUS ".length()).trim());
			}
		}
		return statuses;
	}

	private String output() throws IOException {
		return "--- stdout\n" + Files.readString(this.workDir.resolve("stdout.txt"), StandardCharsets.UTF_8)
				+ "\n--- stderr\n" + Files.readString(this.workDir.resolve("stderr.txt"), StandardCharsets.UTF_8);
	}

}
