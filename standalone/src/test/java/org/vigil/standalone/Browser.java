package org.vigil.standalone;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} with its {@code chromedriver}), one
 * per person, each with its own profile and so its own session. Nothing is downloaded:
 * the paths are the system's, or {@code VIGIL_CHROMIUM} and {@code VIGIL_CHROMEDRIVER}.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	static Browser open(int port) throws IOException {
		String chromium = locate("VIGIL_CHROMIUM", "/usr/bin/chromium");
		String chromedriver = locate("VIGIL_CHROMEDRIVER", "/usr/bin/chromedriver");
		Path profile = Files.createTempDirectory("vigil-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// As root in a container chromium needs --no-sandbox; the background-networking
		// switches
		// stop it calling out to hosts this machine cannot reach.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
		// The page's console, for the tests that look for Content-Security-Policy
		// violations.
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), profile, "http://127.0.0.1:" + port);
	}

	private static String locate(String environment, String fallback) {
		String path = System.getenv(environment);
		path = (path != null && !path.isBlank()) ? path : fallback;
		if (!Files.isExecutable(Path.of(path))) {
			throw new IllegalStateException(path + " is missing: browser tests need Debian's chromium and "
					+ "chromium-driver packages. ./run-tests installs them; or set " + environment + ".");
		}
		return path;
	}

	/** Logs in through the login page and waits for the console to load. */
	Browser login(String username, String password) {
		this.driver.get(this.base + "/");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("form button[type=submit]")).click();
		wait(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("user-id")),
				ExpectedConditions.urlContains("/login/totp")));
		if (this.driver.getCurrentUrl().contains("/login/totp")) {
			giveCode(SecondFactor.code(username));
		}
		wait(ExpectedConditions.textToBe(By.id("user-id"), username));
		return this;
	}

	/**
	 * Sets up a second factor on the enrolment page, reading the secret off the page as a
	 * person would type it into their app, and returns to the console with every role
	 * counting. Undo with {@link SecondFactor#forget}.
	 */
	Browser enrolSecondFactor(String username) {
		this.driver.get(this.base + "/login/totp/enrol");
		SecondFactor.remember(username, find(By.id("totp-secret")).getText());
		giveCode(SecondFactor.code(username));
		wait(ExpectedConditions.textToBe(By.id("user-id"), username));
		return this;
	}

	private void giveCode(String code) {
		find(By.id("code")).sendKeys(code);
		find(By.cssSelector("form button[type=submit]")).click();
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * A Chrome DevTools Protocol command: network emulation, scripts added to every new
	 * document.
	 */
	Map<String, Object> cdp(String command, Map<String, Object> parameters) {
		return this.driver.executeCdpCommand(command, parameters);
	}

	/** What the page wrote to its console since the last call, with every error. */
	List<String> consoleMessages() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map((entry) -> entry.getLevel() + " " + entry.getMessage())
			.toList();
	}

	WebElement find(By by) {
		return wait(ExpectedConditions.presenceOfElementLocated(by));
	}

	/**
	 * Waits for a condition; on a timeout, keeps a screenshot of what the browser showed.
	 */
	<T> T wait(ExpectedCondition<T> condition) {
		try {
			// A page that re-renders (a refreshed table) replaces elements under the
			// test's feet;
			// looking again is what a person would do.
			return new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
		}
		catch (TimeoutException ex) {
			screenshot("timeout-" + System.currentTimeMillis());
			throw ex;
		}
	}

	/** Kept in target/screenshots, for people to look at and for the docs. */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}
