package org.vigil.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md stays true: every property of every
 * {@code @ConfigurationProperties} record of every module is a row of one of its tables,
 * with a default (or "required", "none"…) in the row's second column. A new setting
 * without its line fails the build.
 */
class ConfigurationDocTest {

	static final Path DOC = Path.of("..", "docs", "configuration.md");

	@Test
	void everySettingOfEveryModuleIsDocumentedWithItsDefault() throws IOException {
		List<String> rows = Files.readAllLines(DOC).stream().filter((line) -> line.startsWith("| `")).toList();
		Map<String, Class<?>> properties = ConfigurationCatalog.properties();
		assertThat(properties).as("the scan found the modules' settings")
			.containsKeys("vigil.gateway.pki-dir", "vigil.dispatcher.tick", "vigil.directory.seed",
					"vigil.audit.key-dir", "vigil.drills.every", "vigil.metrics.lag-interval");
		List<String> missing = new ArrayList<>();
		properties.forEach((property, record) -> {
			Optional<String> row = rows.stream()
				.filter((line) -> line.startsWith("| `" + property + "` |"))
				.findFirst();
			if (row.isEmpty()) {
				missing.add(property + " (" + record.getSimpleName() + "): no row");
			}
			else if (cell(row.get(), 2).isBlank()) {
				missing.add(property + " (" + record.getSimpleName() + "): no default in the second column");
			}
		});
		assertThat(missing).as("settings missing from " + DOC).isEmpty();
	}

	/** The n-th cell (1-based) of a Markdown table row. */
	static String cell(String row, int n) {
		String[] cells = row.split("\\|", -1);
		return (cells.length > n) ? cells[n].trim() : "";
	}

}
