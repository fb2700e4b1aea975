package org.vigil.standalone;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.vigil.directory.policy.StepTarget;
import org.vigil.protocol.OfficerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill in real headless Chromium: the network coordinator starts one from the drills
 * page, the on-call officer's console labels the alert as a drill, and once acknowledged
 * the report says so.
 */
class DrillBrowserIT extends NetworkTest {

	@Test
	void aDrillStartedFromTheDrillsPageIsLabelledOnTheConsoleAndReported() throws Exception {
		OfficerId onCall = onCall("FR", StepTarget.PRIMARY_ON_CALL);
		try (Browser officer = Browser.open(this.port).login(onCall.value(), PASSWORD);
				Browser coordinator = Browser.open(this.port).login("net.coordinator", PASSWORD)) {
			officer.wait(ExpectedConditions.attributeContains(By.id("connection-status"), "class", "connected"));
			coordinator.find(By.cssSelector("header nav a[href='/drills.html']")).click();
			coordinator.wait(ExpectedConditions.visibilityOfElementLocated(By.id("run-section")));
			List<WebElement> fields = coordinator.find(By.id("drill-form"))
				.findElements(By.cssSelector("input:not([type=hidden]), select"));
			for (WebElement field : fields) {
				assertThat(coordinator.driver()
					.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
					.as("the label of %s", field.getAttribute("name"))
					.hasSize(1);
			}

			coordinator.find(By.id("drill-countries")).sendKeys("fr");
			coordinator.find(By.cssSelector("#drill-form button[type=submit]")).click();
			coordinator.wait(ExpectedConditions.attributeContains(By.id("drill-message"), "class", "success"));
			By franceRow = By.cssSelector("#report tr[data-country='FR']");
			coordinator.wait(ExpectedConditions.textMatches(franceRow, Pattern.compile("RUNNING")));
			coordinator.screenshot("drills-running");

			WebElement card = officer
				.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.alert-card.is-drill")));
			assertThat(card.findElement(By.cssSelector(".drill-badge")).isDisplayed()).isTrue();
			assertThat(card.getText()).contains("DRILL").contains("FR → FR");
			officer.screenshot("officer-drill-alert");
			card.findElement(By.cssSelector("button.acknowledge")).click();

			coordinator.wait((driver) -> {
				driver.findElement(By.id("refresh")).click();
				return driver.findElement(franceRow).getText().contains("ACKNOWLEDGED");
			});
			coordinator.wait((driver) -> {
				driver.findElement(franceRow).click();
				return true;
			});
			coordinator.wait(ExpectedConditions.textMatches(By.cssSelector("#country-drills tbody"),
					Pattern.compile(onCall.value())));
			coordinator.screenshot("drills-report");
		}
	}

}
