package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.service.AuditLedgerService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditors' page in real headless Chromium: the browser keeps the first checkpoint it
 * sees, and on the next check verifies a consistency proof to the current checkpoint and
 * the checkpoint's Ed25519 signature itself; a checkpoint it kept that the log does not
 * extend is reported as an inconsistent log. Entries are filtered by actor and action.
 */
class AuditBrowserIT extends NetworkTest {

	private static final Duration CATCH_UP = Duration.ofSeconds(30);

	@Autowired
	AuditLedgerService ledger;

	@Test
	void theAuditPageVerifiesThatTheLogOnlyGrewSinceTheCheckpointItKept() throws Exception {
		try (Browser auditor = Browser.open(this.port).login("net.coordinator", PASSWORD)) {
			long first = checkpointAfterNewEntries();
			auditor.find(By.cssSelector("header nav a[href='/audit.html']")).click();
			By result = By.id("consistency");
			auditor.wait(ExpectedConditions.attributeToBe(result, "data-result", "kept"));
			assertThat(auditor.find(By.id("checkpoint")).getText())
				.contains("Ed25519 signature by the log key verified")
				.contains(Long.toString(first));
			List<WebElement> fields = auditor.find(By.id("filters"))
				.findElements(By.cssSelector("input:not([type=hidden])"));
			for (WebElement field : fields) {
				assertThat(
						auditor.driver().findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
					.as("the label of %s", field.getAttribute("name"))
					.hasSize(1);
			}

			long second = checkpointAfterNewEntries();
			assertThat(second).isGreaterThan(first);
			auditor.find(By.id("check")).click();
			auditor.wait(ExpectedConditions.attributeToBe(result, "data-result", "consistent"));
			assertThat(auditor.find(result).getText()).contains("Log consistent since checkpoint " + first)
				.contains("of " + second + " entries");
			auditor.screenshot("audit-consistent");

			auditor.find(By.id("f-actor")).sendKeys("fr.requester");
			auditor.find(By.id("f-action")).sendKeys("login");
			auditor.find(By.cssSelector("#filters button[type=submit]")).click();
			auditor.wait((driver) -> {
				List<WebElement> rows = driver.findElements(By.cssSelector("#entries tbody tr"));
				return !rows.isEmpty() && rows.stream()
					.allMatch((row) -> row.getText().contains("fr.requester") && row.getText().contains("LOGIN"));
			});
			assertThat(auditor.find(By.id("export")).getAttribute("href")).endsWith("/api/v1/audit/export");

			// A checkpoint the log does not extend: a forked or rewritten log.
			((JavascriptExecutor) auditor.driver()).executeScript("""
					const kept = JSON.parse(localStorage.getItem('vigil.audit.checkpoint'));
					kept.root = btoa(String.fromCharCode(...new Uint8Array(32)));
					localStorage.setItem('vigil.audit.checkpoint', JSON.stringify(kept));""");
			auditor.find(By.id("check")).click();
			auditor.wait(ExpectedConditions.attributeToBe(result, "data-result", "inconsistent"));
			assertThat(auditor.find(result).getText()).contains("NOT consistent");
			auditor.screenshot("audit-inconsistent");
		}
	}

	/** Writes an audited login, then lets the ledger sign a checkpoint over it. */
	private long checkpointAfterNewEntries() throws Exception {
		long before = this.ledger.ledger().size();
		String basic = Base64.getEncoder()
			.encodeToString(("fr.requester:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> me = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/me"))
				.header("Authorization", "Basic " + basic)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		await().atMost(CATCH_UP).until(() -> this.ledger.ledger().size() > before);
		long size = this.ledger.ledger().size();
		this.clock.advance(Duration.ofSeconds(11));
		return await().atMost(CATCH_UP)
			.until(() -> this.ledger.latestCheckpoint()
				.map((note) -> Checkpoint.open(note, this.ledger.signer().verifierKey()).size())
				.orElse(-1L), (checkpointed) -> checkpointed >= size);
	}

}
