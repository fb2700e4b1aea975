package org.vigil.standalone;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.directory.policy.StepTarget;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a new user does on the first day, in real headless Chromium: a requester files a
 * preservation request in the console, the on-call officer of the receiving country sees
 * it arrive live in another browser and acknowledges, and the requester sees the status
 * change.
 */
class ConsoleBrowserIT extends NetworkTest {

	@Autowired
	RequestStatuses statuses;

	private static final Pattern ACCEPTED_ID = Pattern.compile("Accepted by the network: (\\S+)");

	@Test
	void aRequestFiledInTheConsoleAlertsTheOnCallOfficerWhoAcknowledgesIt() throws Exception {
		OfficerId onCall = onCall("DE", StepTarget.PRIMARY_ON_CALL);
		try (Browser officer = Browser.open(this.port).login(onCall.value(), PASSWORD);
				Browser requester = Browser.open(this.port).login("fr.requester", PASSWORD)) {
			officer.wait(ExpectedConditions.attributeContains(By.id("connection-status"), "class", "connected"));
			officer.screenshot("officer-waiting");

			fillRequest(requester, "DE");
			requester.screenshot("requester-form-filled");
			requester.find(By.id("submit-request")).click();
			requester.wait(ExpectedConditions.attributeContains(By.id("form-message"), "class", "success"));
			Matcher accepted = ACCEPTED_ID.matcher(requester.find(By.id("form-message")).getText());
			assertThat(accepted.find()).as("the form says which id the network accepted").isTrue();
			String id = accepted.group(1);

			By card = By.cssSelector("article.alert-card[data-request-id='" + id + "']");
			WebElement alert = officer.wait(ExpectedConditions.visibilityOfElementLocated(card));
			assertThat(alert.getText()).contains("EMERGENCY").contains("FR").contains("Ransomware");
			officer.screenshot("officer-alerted");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.statuses.find(RequestId.of(id)))
					.hasValueSatisfying((status) -> assertThat(status.deliveredTo()).isEqualTo(onCall.value())));
			alert.findElement(By.cssSelector("button.acknowledge")).click();
			officer.wait(ExpectedConditions.attributeContains(card, "class", "is-acknowledged"));

			By acknowledgedRow = By.cssSelector("#sent-requests tr[data-request-id='" + id + "'] .state-acknowledged");
			requester.wait(ExpectedConditions.visibilityOfElementLocated(acknowledgedRow));
			requester.screenshot("requester-sees-acknowledgement");

			requester.find(By.cssSelector("#sent-requests tr[data-request-id='" + id + "']")).click();
			WebElement receipts = requester
				.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#details-fields .receipts")));
			for (String kind : List.of("accepted", "delivered", "acknowledged")) {
				assertThat(receipts.findElements(By.cssSelector("a.receipt-" + kind))).as("the %s receipt", kind)
					.singleElement()
					.satisfies((link) -> assertThat(link.getAttribute("href"))
						.endsWith("/api/v1/requests/" + id + "/receipts/" + kind.toUpperCase()));
			}
			requester.screenshot("requester-receipts");
		}
	}

	@Test
	void anAlertThatArrivesWhileTheConsoleIsClosedIsOnTheBoardWhenItComesBack() throws Exception {
		OfficerId onCall = onCall("NL", StepTarget.PRIMARY_ON_CALL);
		try (Browser officer = Browser.open(this.port).login(onCall.value(), PASSWORD);
				ConsoleSession requester = ConsoleSession.login(this.port, "jp.requester", PASSWORD)) {
			officer.wait(ExpectedConditions.attributeContains(By.id("connection-status"), "class", "connected"));
			officer.driver().get("about:blank");

			String id = WireJson.mapper()
				.readTree(requester.post("/api/v1/requests", preservationRequest("NL", "URGENT")).body())
				.get("id")
				.asString();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(this.statuses.find(RequestId.of(id)))
					.hasValueSatisfying((status) -> assertThat(status.paged()).contains(onCall.value())));

			officer.driver().get("http://127.0.0.1:" + this.port + "/");
			officer.wait(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("article.alert-card[data-request-id='" + id + "']")));
			officer.screenshot("officer-caught-up");
		}
	}

	@Test
	void anOfficerAnswersFromTheRequestDetailsAndTheRequesterIsToldLive() throws Exception {
		OfficerId onCall = onCall("FR", StepTarget.PRIMARY_ON_CALL);
		try (Browser officer = Browser.open(this.port).login(onCall.value(), PASSWORD);
				Browser requester = Browser.open(this.port).login("us.requester", PASSWORD);
				ConsoleSession api = ConsoleSession.login(this.port, "us.requester", PASSWORD)) {
			requester.wait(ExpectedConditions.attributeContains(By.id("connection-status"), "class", "connected"));
			String id = WireJson.mapper()
				.readTree(api.post("/api/v1/requests", preservationRequest("FR", "URGENT")).body())
				.get("id")
				.asString();

			By row = By.cssSelector("#received-requests tr[data-request-id='" + id + "']");
			officer.wait(ExpectedConditions.elementToBeClickable(row)).click();
			WebElement form = officer
				.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".answer-form")));
			assertThat(form.getText()).contains("this acknowledges it too");
			new Select(form.findElement(By.name("kind"))).selectByValue("PRESERVED");
			form.findElement(By.name("note")).sendKeys("Ref. OFAC-2026-311");
			officer.screenshot("officer-answering");
			form.findElement(By.cssSelector("button[type=submit]")).click();
			officer.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#details-status.success")));

			WebElement notice = requester
				.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notices .notice")));
			assertThat(notice.getText()).contains("PRESERVED until").contains("OFAC-2026-311");
			requester.wait(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("#sent-requests tr[data-request-id='" + id + "'] .state-preserved")));
			requester.screenshot("requester-told-preserved");
		}
	}

	@Test
	void anAdministratorsOverrideOnTheDirectoryPageDecidesWhoIsOnCall() throws Exception {
		OfficerId primary = onCall("DE", StepTarget.PRIMARY_ON_CALL);
		OfficerId standIn = onCall("DE", StepTarget.SECONDARY_ON_CALL);
		try (Browser admin = Browser.open(this.port).login("de.admin", PASSWORD)) {
			// An administrator's roles count only with a second factor: set one up first.
			admin.enrolSecondFactor("de.admin");
			admin.driver().get("http://127.0.0.1:" + this.port + "/directory.html?country=DE");
			By onCallNow = By.id("on-call-now");
			admin.wait(ExpectedConditions.textToBePresentInElementLocated(onCallNow, primary.value()));
			assertThat(admin.find(By.cssSelector("#calendar tbody")).findElements(By.tagName("tr")))
				.as("14 days of daily shifts")
				.hasSizeGreaterThanOrEqualTo(14);
			admin.screenshot("directory-germany");

			LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneId.of("Europe/Berlin"))
				.truncatedTo(ChronoUnit.MINUTES);
			admin.find(By.id("ov-name")).sendKeys("leave of " + primary.value());
			new Select(admin.find(By.id("ov-by"))).selectByValue(standIn.value());
			new Select(admin.find(By.id("ov-replaces"))).selectByValue(primary.value());
			setValue(admin, By.id("ov-from"), now.minusHours(1).toString());
			setValue(admin, By.id("ov-until"), now.plusDays(1).toString());
			admin.find(By.cssSelector("#override-form button[type=submit]")).click();

			admin.wait(ExpectedConditions.attributeContains(By.id("edit-message"), "class", "success"));
			admin.wait(ExpectedConditions.textToBePresentInElementLocated(onCallNow, "leave of " + primary.value()));
			assertThat(admin.find(onCallNow).getText()).contains(standIn.value());
			admin.screenshot("directory-override-saved");

			// The context is shared: take the override away again, through the page.
			admin
				.wait(ExpectedConditions
					.elementToBeClickable(By.xpath("//ul[@id='overrides']//button[contains(., 'Remove')]")))
				.click();
			admin.wait(ExpectedConditions.invisibilityOfElementWithText(onCallNow, "leave of " + primary.value()));
			admin.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("overrides"), "No overrides."));
		}
		finally {
			SecondFactor.forget(this.redis, "de.admin");
		}
	}

	private static void setValue(Browser browser, By field, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(field),
				value);
	}

	/** Wraps the page's WebSocket so that the test can close the console's connection. */
	private static final String SOCKET_TRACKER = """
			(() => {
				const Native = window.WebSocket;
				const sockets = [];
				window.__vigilSockets = sockets;
				window.WebSocket = class extends Native {
					constructor(...args) { super(...args); sockets.push(this); }
				};
			})();""";

	private static Map<String, Object> network(boolean offline) {
		return Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
	}

	@Test
	void anAlertSentWhileTheConnectionIsDownIsOnTheBoardWhenTheConsoleReconnects() throws Exception {
		OfficerId onCall = onCall("US", StepTarget.PRIMARY_ON_CALL);
		try (Browser officer = Browser.open(this.port);
				ConsoleSession requester = ConsoleSession.login(this.port, "de.requester", PASSWORD)) {
			officer.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOCKET_TRACKER));
			officer.login(onCall.value(), PASSWORD);
			By connection = By.id("connection-status");
			officer.wait(ExpectedConditions.attributeContains(connection, "class", "connected"));

			// The network goes away: no reconnection can succeed until it is back.
			officer.cdp("Network.enable", Map.of());
			officer.cdp("Network.emulateNetworkConditions", network(true));
			((JavascriptExecutor) officer.driver()).executeScript("window.__vigilSockets.forEach((s) => s.close())");
			officer
				.wait(ExpectedConditions.not(ExpectedConditions.attributeContains(connection, "class", "connected")));
			assertThat(officer.find(connection).getText()).isIn("Offline", "Reconnecting…");

			String id = json(requester.post("/api/v1/requests", preservationRequest("US", "URGENT"))).get("id")
				.asString();
			await().atMost(ALERT_WITHIN)
				.untilAsserted(() -> assertThat(this.statuses.find(RequestId.of(id)))
					.hasValueSatisfying((status) -> assertThat(status.paged()).contains(onCall.value())));
			By card = By.cssSelector("article.alert-card[data-request-id='" + id + "']");
			assertThat(officer.driver().findElements(card)).as("no alert can arrive while disconnected").isEmpty();
			assertThat(officer.find(connection).getAttribute("class")).as("the board says it is disconnected")
				.doesNotContain("connected");
			assertThat(officer.find(connection).getText()).isIn("Offline", "Reconnecting…");
			officer.screenshot("officer-disconnected-alert-missed");

			officer.cdp("Network.emulateNetworkConditions", network(false));
			officer.wait(ExpectedConditions.attributeContains(connection, "class", "connected"));
			WebElement alert = officer.wait(ExpectedConditions.visibilityOfElementLocated(card));
			assertThat(alert.getText()).contains("URGENT").contains("DE");
			officer.screenshot("officer-reconnected-alert-caught-up");
		}
	}

	@Test
	void theRequestFormIsLabelledAndSentWithTheKeyboardAlone() throws Exception {
		try (Browser requester = Browser.open(this.port).login("nl.requester", PASSWORD)) {
			List<WebElement> fields = requester.find(By.id("request-form"))
				.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"));
			assertThat(fields).hasSizeGreaterThanOrEqualTo(10);
			for (WebElement field : fields) {
				String id = field.getAttribute("id");
				assertThat(requester.driver().findElements(By.cssSelector("label[for='" + id + "']")))
					.as("label for #%s", id)
					.isNotEmpty();
			}
			JavascriptExecutor page = (JavascriptExecutor) requester.driver();
			page.executeScript("arguments[0].focus()", requester.find(By.id("f-to")));
			WebElement active = tabTo(requester, "submit-request");
			active.sendKeys(Keys.ENTER);
			requester.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"),
					"Please correct the highlighted fields."));
			assertThat(requester.driver().switchTo().activeElement().getAttribute("id"))
				.as("focus goes to the first field to correct")
				.isEqualTo("f-to");
			assertThat(requester.find(By.id("f-to")).getAttribute("aria-invalid")).isEqualTo("true");
			requester.screenshot("requester-form-keyboard-errors");

			// Filled in and sent with keys only, field after field.
			typeAndTab(requester, "DE");
			typeAndTab(requester, "Urgent");
			typeAndTab(requester, "Politie, Team High Tech Crime");
			typeAndTab(requester, "Phishing of bank customers");
			typeAndTab(requester, "A phishing kit is hosted on a server in Germany.");
			typeAndTab(requester, "The hosting account and its access logs");
			typeAndTab(requester, "The account hosts the kit");
			typeAndTab(requester, "Example Hosting GmbH");
			typeAndTab(requester, "Logs are kept 7 days");
			requester.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
			assertThat(requester.find(By.id("f-mutualAssistanceToFollow")).isSelected()).isTrue();
			tabTo(requester, "submit-request").sendKeys(Keys.ENTER);
			requester.wait(ExpectedConditions.attributeContains(By.id("form-message"), "class", "success"));
			requester.screenshot("requester-form-sent-with-keyboard");
		}
	}

	/** Types into the focused field, then moves on with Tab. */
	private static void typeAndTab(Browser browser, String text) {
		browser.driver().switchTo().activeElement().sendKeys(text, Keys.TAB);
	}

	/** Presses Tab until the element with that id has the focus; fails after 40. */
	private static WebElement tabTo(Browser browser, String id) {
		for (int i = 0; i < 40; i++) {
			WebElement active = browser.driver().switchTo().activeElement();
			if (id.equals(active.getAttribute("id"))) {
				return active;
			}
			active.sendKeys(Keys.TAB);
		}
		throw new AssertionError("#" + id + " cannot be reached with Tab");
	}

	@Test
	void swaggerUiShowsTheApiUnderTheStrictContentSecurityPolicy() throws Exception {
		try (Browser reader = Browser.open(this.port)) {
			reader.driver().get("http://127.0.0.1:" + this.port + "/swagger-ui.html");
			reader.wait(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 20));
			reader
				.wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), "Vigil API"));
			reader.screenshot("swagger-ui");
			assertThat(reader.consoleMessages()).as("the browser console")
				.noneMatch((message) -> message.contains("Content Security Policy"));
		}
	}

	private static void fillRequest(Browser requester, String to) {
		requester.find(By.id("f-to")).sendKeys(to);
		new Select(requester.find(By.id("f-urgency"))).selectByValue("EMERGENCY");
		requester.find(By.id("f-requestingAuthority")).sendKeys("OCLCTIC, Nanterre");
		requester.find(By.id("f-offence")).sendKeys("Ransomware extortion of a hospital");
		requester.find(By.id("f-summaryOfFacts"))
			.sendKeys("Patient records encrypted at 01:40; a ransom note names a mail account.");
		requester.find(By.id("f-dataToPreserve")).sendKeys("Subscriber data and login IP addresses of the account");
		requester.find(By.id("f-relationToOffence")).sendKeys("The account sent the ransom demand");
		requester.find(By.id("f-custodian")).sendKeys("Example Mail GmbH, Berlin");
		requester.find(By.id("f-necessity")).sendKeys("The provider deletes login records after 7 days");
		WebElement mutualAssistance = requester.find(By.id("f-mutualAssistanceToFollow"));
		if (!mutualAssistance.isSelected()) {
			mutualAssistance.click();
		}
	}

}
