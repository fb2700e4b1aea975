package org.vigil.standalone;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "My contact methods" in real headless Chromium, by keyboard where a person would type:
 * an officer adds a mailbox, sends it a code, types the code back, sends a test message
 * and sees it sent, and removes the mailbox again (which restores their entry).
 */
class ContactsBrowserIT extends NetworkTest {

	private static final String MAILBOX = "fr.petit.browser@contacts-it.example";

	private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

	@Test
	void anOfficerVerifiesANewMailboxAndSendsItATestFromTheirPage() throws Exception {
		try (Browser officer = Browser.open(this.port).login("fr.petit", PASSWORD)) {
			officer.find(By.cssSelector("header nav a[href='/contacts.html']")).click();
			officer.wait(ExpectedConditions.visibilityOfElementLocated(By.id("add-form")));
			for (WebElement field : officer.find(By.id("add-form")).findElements(By.cssSelector("input, select"))) {
				assertThat(
						officer.driver().findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
					.as("the label of %s", field.getAttribute("name"))
					.hasSize(1);
			}

			officer.find(By.id("add-channel")).sendKeys("E-mail");
			officer.find(By.id("add-address")).sendKeys(MAILBOX, Keys.ENTER);
			officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("methods"), MAILBOX));
			officer.find(By.cssSelector("button[aria-label='Send a code to E-mail " + MAILBOX + "']")).click();
			await().atMost(ALERT_WITHIN).until(() -> !mailTo(MAILBOX).isEmpty());
			Matcher code = CODE.matcher(mailTo(MAILBOX).get(0).getContent().toString());
			assertThat(code.find()).isTrue();
			WebElement input = officer
				.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#methods input[name='code']")));
			assertThat(officer.driver().findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
				.hasSize(1);
			input.sendKeys(code.group(1), Keys.ENTER);
			officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("methods-status"), "is verified"));
			officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("methods"), "verified"));

			officer.find(By.cssSelector("button[aria-label='Send a test message to E-mail " + MAILBOX + "']")).click();
			officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("methods"), "test sent"));
			officer.screenshot("my-contact-methods");
			assertThat(officer.find(By.id("rules")).getText()).contains("EMERGENCY");

			officer.find(By.cssSelector("button[aria-label='Remove E-mail " + MAILBOX + "']")).click();
			officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("methods-status"), "is removed"));
			assertThat(officer.find(By.id("methods")).getText()).doesNotContain(MAILBOX);
			assertThat(officer.consoleMessages()).noneMatch((message) -> message.contains("Content Security Policy"));
		}
	}

	@Test
	void anOfficerEditsTheirRulesSavesThemAndFindsThemAfterAReload() throws Exception {
		try (Browser officer = Browser.open(this.port).login("fr.petit", PASSWORD)) {
			try {
				officer.driver().get("http://127.0.0.1:" + this.port + "/contacts.html");
				officer.wait(ExpectedConditions.visibilityOfElementLocated(By.id("rules-form")));
				officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-source"), "defaults"));
				for (WebElement field : officer.find(By.id("rules-form"))
					.findElements(By.cssSelector("input, select"))) {
					assertThat(officer.driver()
						.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
						.as("the label of %s", field.getAttribute("id"))
						.hasSize(1);
				}

				// A routine request: a text five minutes after the page instead of a mail
				// at once, typed as a person would.
				officer.find(By.id("rule-ROUTINE-0-channel")).sendKeys("SMS");
				WebElement after = officer.find(By.id("rule-ROUTINE-0-after"));
				after.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5", Keys.ENTER);

				// The defaults push to a browser fr.petit never enabled: refused, the
				// field
				// marked, nothing saved.
				officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "no verified"));
				officer
					.wait(ExpectedConditions.attributeToBe(By.id("rule-EMERGENCY-0-channel"), "aria-invalid", "true"));
				officer.find(By.cssSelector("button[aria-label='Remove rule 1 of EMERGENCY']")).sendKeys(Keys.ENTER);
				officer.find(By.cssSelector("button[aria-label='Remove rule 1 of URGENT']")).sendKeys(Keys.ENTER);
				officer.find(By.cssSelector("#rules-form button[type='submit']")).sendKeys(Keys.ENTER);
				officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "are saved"));

				officer.driver().navigate().refresh();
				officer
					.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-source"), "your own rules"));
				assertThat(officer.find(By.id("rules")).getText()).contains("SMS after 5 min").doesNotContain("Push");
				assertThat(officer.find(By.id("rule-ROUTINE-0-channel")).getAttribute("value")).isEqualTo("SMS");
				assertThat(officer.find(By.id("rule-ROUTINE-0-after")).getAttribute("value")).isEqualTo("5");
				((org.openqa.selenium.JavascriptExecutor) officer.driver())
					.executeScript("arguments[0].scrollIntoView()", officer.find(By.id("rules-title")));
				officer.screenshot("my-notification-rules");

				officer.find(By.id("rules-reset")).sendKeys(Keys.ENTER);
				officer.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"),
						"back to the defaults"));
				assertThat(officer.find(By.id("rules-source")).getText()).contains("defaults");
				assertThat(officer.consoleMessages())
					.noneMatch((message) -> message.contains("Content Security Policy"));
			}
			finally {
				try (ConsoleSession session = ConsoleSession.login(this.port, "fr.petit", PASSWORD)) {
					session.call("DELETE", "/api/v1/me/contacts/rules", java.util.Map.of(),
							java.net.http.HttpRequest.BodyPublishers.noBody());
				}
			}
		}
	}

	private List<MimeMessage> mailTo(String address) {
		return Arrays.stream(Infrastructure.get().mail.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
