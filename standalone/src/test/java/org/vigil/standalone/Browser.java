package org.vigil.standalone;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import tools.jackson.databind.JsonNode;

import org.vigil.protocol.json.WireJson;

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

	/** Where the browser reaches the network: {@code http://127.0.0.1:<port>}. */
	String base() {
		return this.base;
	}

	/**
	 * Runs a script in the page that hands its result, a promise's as a rule, to its last
	 * argument (Selenium's asynchronous script), and returns it.
	 */
	Object asyncScript(String script) {
		return this.driver.executeAsyncScript(script);
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

	/**
	 * The DevTools id of the active service worker registration for a scope, which
	 * {@code ServiceWorker.deliverPushMessage} needs. DevTools names registrations only
	 * in its {@code ServiceWorker.workerRegistrationUpdated} event, and Selenium's
	 * {@link #cdp} returns no events: so a second DevTools client, on the page target's
	 * own WebSocket (Chromium takes several), enables the domain and reads the event.
	 */
	String serviceWorkerRegistrationId(String scope) throws IOException, InterruptedException {
		Object options = this.driver.getCapabilities().getCapability("goog:chromeOptions");
		String debugger = String.valueOf(((Map<?, ?>) options).get("debuggerAddress"));
		HttpClient http = HttpClient.newHttpClient();
		JsonNode targets = WireJson.mapper()
			.readTree(http
				.send(HttpRequest.newBuilder(URI.create("http://" + debugger + "/json/list")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body());
		String page = targets.valueStream()
			.filter((target) -> "page".equals(target.get("type").asString())
					&& target.get("url").asString().startsWith(this.base))
			.map((target) -> target.get("webSocketDebuggerUrl").asString())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no DevTools page target on " + this.base));
		BlockingQueue<String> messages = new LinkedBlockingQueue<>();
		WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {

			private final StringBuilder text = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				this.text.append(data);
				if (last) {
					messages.add(this.text.toString());
					this.text.setLength(0);
				}
				webSocket.request(1);
				return null;
			}

		}).join();
		try {
			socket.sendText("{\"id\":1,\"method\":\"ServiceWorker.enable\",\"params\":{}}", true).join();
			long giveUp = System.nanoTime() + WAIT.toNanos();
			String message;
			while ((message = messages.poll(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
				JsonNode event = WireJson.mapper().readTree(message);
				if (!"ServiceWorker.workerRegistrationUpdated".equals(event.path("method").asString(""))) {
					continue;
				}
				Optional<String> id = event.get("params")
					.get("registrations")
					.valueStream()
					.filter((registration) -> scope.equals(registration.get("scopeURL").asString())
							&& !registration.get("isDeleted").asBoolean())
					.map((registration) -> registration.get("registrationId").asString())
					.findFirst();
				if (id.isPresent()) {
					return id.get();
				}
			}
			throw new IllegalStateException("no service worker registration for " + scope + " within " + WAIT);
		}
		finally {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
		}
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
