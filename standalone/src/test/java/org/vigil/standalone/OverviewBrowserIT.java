package org.vigil.standalone;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor's console shows their country's open requests, the escalated one flagged;
 * the coordinator's shows the network's. The screenshots are the supervisor's and the
 * coordinator's guides' (docs/guides).
 */
class OverviewBrowserIT extends NetworkTest {

	@Test
	void aSupervisorAndTheCoordinatorSeeAnEscalatedRequestOnTheirConsoles() throws Exception {
		String id;
		try (ConsoleSession requester = ConsoleSession.login(this.port, "us.requester", PASSWORD)) {
			id = json(requester.post("/api/v1/requests", preservationRequest("JP", "EMERGENCY"))).get("id").asString();
			await().atMost(ALERT_WITHIN)
				.until(() -> json(requester.get("/api/v1/requests/" + id)).get("state").asString().equals("ALERTED"));
			// An emergency gives ten minutes to acknowledge: past them, the second step
			// pages.
			this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
			await().atMost(ALERT_WITHIN)
				.until(() -> json(requester.get("/api/v1/requests/" + id)).get("step").asInt() == 2);
		}
		By row = By.cssSelector("#overview tbody");
		// The table shows an id's first eight characters.
		String shown = id.substring(0, 8);
		try (Browser supervisor = Browser.open(this.port).login("jp.tanaka", PASSWORD);
				Browser coordinator = Browser.open(this.port).login("net.coordinator", PASSWORD)) {
			supervisor.wait(ExpectedConditions.textToBePresentInElementLocated(row, shown));
			assertThat(supervisor.find(By.id("overview-summary")).getText()).contains("in JP");
			supervisor.screenshot("supervisor-overview");
			coordinator.wait(ExpectedConditions.textToBePresentInElementLocated(row, shown));
			assertThat(coordinator.find(By.id("overview-summary")).getText()).contains("across the network");
			coordinator.screenshot("coordinator-overview");
		}
	}

}
