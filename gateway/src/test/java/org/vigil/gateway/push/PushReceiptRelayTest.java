package org.vigil.gateway.push;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.vigil.gateway.GatewayProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The relay of push receipts to a notifier in a process of its own, against a real HTTP
 * server on loopback standing in for the notifier (answering as the notifier's
 * PushReceiptController does): its 204 and its 410 problem are relayed, only the token
 * travels, and a notifier that is down or hangs is a 503 problem detail.
 */
class PushReceiptRelayTest {

	private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";

	private static final String REFUSED = "{\"type\":\"/problems/push-receipt-refused\",\"title\":\"Receipt token refused\","
			+ "\"status\":410,\"detail\":\"the receipt token is unknown, used already or expired\","
			+ "\"instance\":\"/api/v1/notifications/push-receipts\"}";

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer notifier;

	/** What the stand-in notifier got. */
	record Received(String method, String path, String query, Headers headers, String body) {
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		if (this.notifier != null) {
			this.notifier.stop(0);
		}
	}

	@Test
	void relaysTheNotifiersNoContentAndForwardsOnlyTheToken() throws Exception {
		MockMvc mvc = relayTo(notifierAnswering(204, null, null));

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH + "?other=1").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + TOKEN + "&also=this")
				.cookie(new Cookie("SESSION", "officer-session"))
				.header("Authorization", "Basic ZGUub2ZmaWNlcjpzZWNyZXQ=")
				.header("X-Forwarded-For", "203.0.113.9"))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(204);
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.received).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/v1/notifications/push-receipts");
			assertThat(request.query()).isNull();
			assertThat(request.body()).isEqualTo("t=" + TOKEN);
			assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
			assertThat(request.headers()).doesNotContainKeys("Cookie", "Authorization", "X-forwarded-for");
		});
	}

	@Test
	void relaysTheNotifiersProblemForARefusedToken() throws Exception {
		MockMvc mvc = relayTo(notifierAnswering(410, "application/problem+json", REFUSED));

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + TOKEN))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(410);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).isEqualTo(REFUSED);
	}

	@Test
	void answersAProblemWithStatus503WhenTheNotifierIsDown() throws Exception {
		URI down = notifierAnswering(204, null, null);
		this.notifier.stop(0);
		this.notifier = null;
		MockMvc mvc = relayTo(down);

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + TOKEN))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("\"type\":\"/problems/notifier-unavailable\"")
			.contains("\"status\":503");
	}

	@Test
	void answersAProblemWithStatus503WhenTheNotifierDoesNotAnswerInTime() throws Exception {
		URI hanging = notifierAnswering(204, null, null);
		this.notifier.removeContext("/");
		this.notifier.createContext("/", (exchange) -> {
			try {
				// Held until the test ends: longer than the relay's answer timeout.
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		MockMvc mvc = MockMvcBuilders
			.standaloneSetup(new PushReceiptRelay(hanging, Duration.ofSeconds(2), Duration.ofMillis(300)))
			.build();

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + TOKEN))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getContentAsString()).contains("/problems/notifier-unavailable");
	}

	@Test
	void answersAProblemWithStatus502WhenTheNotifierAnswersSomethingElse() throws Exception {
		MockMvc mvc = relayTo(notifierAnswering(500, "text/html", "<html>Whitelabel Error Page</html>"));

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + TOKEN))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(502);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("/problems/notifier-unavailable")
			.doesNotContain("Whitelabel");
	}

	@Test
	void answersAProblemWithStatus502WhenTheNotifiersAnswerIsOverlong() throws Exception {
		String huge = "{\"type\":\"/problems/push-receipt-refused\",\"detail\":\"" + "x".repeat(1024 * 1024) + "\"}";
		MockMvc mvc = relayTo(notifierAnswering(410, "application/problem+json", huge));

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + TOKEN))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(502);
		assertThat(result.getResponse().getContentAsString()).contains("/problems/notifier-unavailable")
			.hasSizeLessThan(1024);
	}

	@Test
	void refusesAnOverlongTokenWithoutForwardingIt() throws Exception {
		MockMvc mvc = relayTo(notifierAnswering(204, null, null));

		MvcResult result = mvc
			.perform(post(PushReceiptRelay.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("t=" + "A".repeat(PushReceiptRelay.MAX_TOKEN_CHARS + 1)))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("/problems/malformed-request");
		assertThat(this.received).isEmpty();
	}

	@Test
	void existsOnlyWhenTheNotifiersUrlIsSet() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(RelayOnly.class)
			.withPropertyValues("vigil.gateway.pki-dir=/nonexistent", "vigil.gateway.pki-password=x");

		runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PushReceiptRelay.class));
		runner.withPropertyValues("vigil.gateway.notifier-url=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PushReceiptRelay.class));
		runner.withPropertyValues("vigil.gateway.notifier-url=http://notifier:8080")
			.run((context) -> assertThat(context).hasSingleBean(PushReceiptRelay.class));
		runner.withPropertyValues("vigil.gateway.notifier-url=notifier:8080")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatewayProperties.class)
	@Import(PushReceiptRelay.class)
	static class RelayOnly {

	}

	private MockMvc relayTo(URI notifierUrl) {
		return MockMvcBuilders
			.standaloneSetup(new PushReceiptRelay(notifierUrl, Duration.ofSeconds(2), Duration.ofSeconds(5)))
			.build();
	}

	/** Starts the stand-in notifier on loopback; its base URL. */
	private URI notifierAnswering(int status, String contentType, String body) throws IOException {
		this.notifier = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.notifier.createContext("/", (exchange) -> answer(exchange, status, contentType, body));
		this.notifier.start();
		return URI.create("http://127.0.0.1:" + this.notifier.getAddress().getPort());
	}

	private void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
		}
		else {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

}
