package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pictures of docs/ are the browser tests' screenshots (docs/images/refresh copies
 * them): every picture a page shows exists, is one a browser test takes, and every file
 * in docs/images is shown somewhere.
 */
class DocsImagesTest {

	static final Path DOCS = Path.of("..", "docs");

	static final Path TESTS = Path.of("src", "test", "java", "org", "vigil", "standalone");

	@Test
	void everyPictureOfTheDocsIsABrowserTestsScreenshotAndIsThere() throws IOException {
		Set<String> shown = matches(DOCS, ".md", Pattern.compile("images/([a-z0-9-]+)\\.png"));
		Set<String> taken = matches(TESTS, "BrowserIT.java", Pattern.compile("screenshot\\(\"([a-z0-9-]+)\"\\)"));
		assertThat(shown).as("pictures the docs show").isNotEmpty();
		assertThat(taken).as("screenshots the browser tests take").containsAll(shown);
		for (String name : shown) {
			assertThat(DOCS.resolve("images").resolve(name + ".png")).as("run docs/images/refresh").isRegularFile();
		}
		try (Stream<Path> files = Files.list(DOCS.resolve("images"))) {
			assertThat(files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".png"))
				.map((name) -> name.substring(0, name.length() - 4))).as("pictures no page shows")
				.allMatch(shown::contains);
		}
	}

	private static Set<String> matches(Path folder, String suffix, Pattern pattern) throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(folder)) {
			files.filter((file) -> file.toString().endsWith(suffix)).forEach((file) -> {
				try {
					Matcher matcher = pattern.matcher(Files.readString(file));
					while (matcher.find()) {
						found.add(matcher.group(1));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		return found;
	}

}
