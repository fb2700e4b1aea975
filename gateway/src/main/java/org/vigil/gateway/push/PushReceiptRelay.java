package org.vigil.gateway.push;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.gateway.GatewayProperties;
import org.vigil.gateway.problem.ProblemTypes;

/**
 * The service workers' push receipts, relayed to a notifier that runs in a process of its
 * own ({@code vigil.gateway.notifier-url}, docker-compose.yml). A service worker may post
 * only to the console's origin ({@code connect-src 'self'}), which is the gateway; the
 * notifier holds the tokens and answers. In the standalone network the notifier's own
 * controller serves the path in the same server, so this one exists only when the URL is
 * set (two handlers of one path would stop the server at start, which is the right answer
 * to that misconfiguration).
 *
 * <p>
 * Exactly one thing is forwarded: {@code POST /api/v1/notifications/push-receipts} with
 * the form field {@code t} (at most {@value #MAX_TOKEN_CHARS} characters; a token is 32),
 * re-encoded as the only field of a new form. No header, cookie, query or other field of
 * the browser's request reaches the notifier. The notifier's answer is relayed: its
 * status, and its problem detail (at most {@value #MAX_ANSWER_BYTES} bytes) for a refusal
 * (204 DELIVERED, 410 token refused, 400 token malformed). A notifier that cannot be
 * reached within the timeouts (not started, stopped, overloaded) is a 503 problem detail
 * ({@code /problems/notifier-unavailable}); an answer that is not a problem detail, a 502
 * of the same type. Either way the page stays SENT, which is what it was before receipts
 * existed: a receipt is best effort and the service worker does not retry.
 *
 * <p>
 * The path is open without a login and exempt from CSRF, like the notifier's
 * (SecurityConfiguration), and outside the per-principal rate limit (RateLimitFilter):
 * the one-time token is the credential, and the notifier checks it.
 */
@Tag(name = "Push", description = "Receipts of the console's service worker")
@RestController
@Conditional(PushReceiptRelay.NotifierUrlSet.class)
public class PushReceiptRelay {

	/**
	 * Where service workers post receipts: the notifier's path, on the gateway's origin.
	 */
	public static final String PATH = "/api/v1/notifications/push-receipts";

	/** The longest {@code t} forwarded; a real token is 32 base64url characters. */
	static final int MAX_TOKEN_CHARS = 128;

	/** The largest answer body of the notifier relayed; its problem details are ~250. */
	static final int MAX_ANSWER_BYTES = 8192;

	/*
	 * Short: a Tomcat thread waits this long for a best-effort receipt, and a burst of
	 * them while the notifier hangs must not take every thread of the console.
	 */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(PushReceiptRelay.class);

	private final URI target;

	private final HttpClient client;

	private final Duration connectTimeout;

	private final Duration answerTimeout;

	@Autowired
	public PushReceiptRelay(GatewayProperties properties) {
		this(Objects.requireNonNull(properties.notifierUrl(), "vigil.gateway.notifier-url"), CONNECT_TIMEOUT,
				ANSWER_TIMEOUT);
	}

	/**
	 * @param notifierUrl the notifier's base URL (scheme, host, port, optionally a path
	 * prefix)
	 * @param connectTimeout how long to wait for a connection
	 * @param answerTimeout how long to wait for the whole answer
	 */
	PushReceiptRelay(URI notifierUrl, Duration connectTimeout, Duration answerTimeout) {
		this.target = URI.create(notifierUrl.toString().replaceAll("/+$", "") + PATH);
		// HTTP/1.1: no h2c upgrade dance with the notifier's Tomcat; no redirects: the
		// token goes to this one address or nowhere.
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(connectTimeout)
			.build();
		this.connectTimeout = connectTimeout;
		this.answerTimeout = answerTimeout;
	}

	@Operation(
			summary = "A browser's service worker reports that it showed a pushed page (relayed to the notifier; no login)")
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> receipt(@RequestParam(name = "t", required = false) String token) {
		if (token != null && token.length() > MAX_TOKEN_CHARS) {
			return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
					"t must be the page's receipt token: 32 base64url characters");
		}
		String form = (token != null) ? "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "";
		HttpRequest request = HttpRequest.newBuilder(this.target)
			.timeout(this.answerTimeout)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
			.build();
		HttpResponse<byte[]> answer;
		CompletableFuture<HttpResponse<byte[]>> sent = this.client.sendAsync(request,
				(info) -> new BoundedBody(MAX_ANSWER_BYTES + 1));
		try {
			// The request's own timeout ends when the headers arrive; this bounds the
			// body too, so that a notifier that stalls mid-answer holds no thread longer.
			answer = sent.get(this.connectTimeout.plus(this.answerTimeout).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			return unreachable(ex.getCause());
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			return unreachable(ex);
		}
		catch (InterruptedException ex) {
			sent.cancel(true);
			Thread.currentThread().interrupt();
			return unreachable(ex);
		}
		byte[] body = answer.body();
		int status = answer.statusCode();
		if (status >= 200 && status < 300) {
			return ResponseEntity.status(status).build();
		}
		boolean problemDetail = answer.headers()
			.firstValue(HttpHeaders.CONTENT_TYPE)
			.map((type) -> type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.orElse(false);
		if (!problemDetail || body.length > MAX_ANSWER_BYTES || status < 400 || status > 599) {
			log.warn("The notifier answered a push receipt with {} and no problem detail of at most {} bytes", status,
					MAX_ANSWER_BYTES);
			return problem(HttpStatus.BAD_GATEWAY, ProblemTypes.NOTIFIER_UNAVAILABLE, "Notifier unavailable",
					"the notifier answered " + status + "; the receipt was not recorded");
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private static ResponseEntity<ProblemDetail> unreachable(Throwable ex) {
		// The page stays SENT; nothing for the browser to do. One line, no stack: a
		// notifier that is down is said by its own health check.
		log.warn("A push receipt was not relayed to the notifier: {}", ex.toString());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.NOTIFIER_UNAVAILABLE, "Notifier unavailable",
				"the notifier cannot be reached; the receipt was not recorded");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		problem.setInstance(URI.create(PATH));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The answer's first {@code limit} bytes: the rest is not read (the connection is
	 * dropped), so that the relay's memory does not depend on what the notifier sends.
	 */
	static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final int limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> body = new CompletableFuture<>();

		private Flow.Subscription subscription;

		BoundedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int take = Math.min(buffer.remaining(), this.limit - this.bytes.size());
				byte[] chunk = new byte[take];
				buffer.get(chunk);
				this.bytes.write(chunk, 0, take);
				if (this.bytes.size() >= this.limit) {
					this.subscription.cancel();
					this.body.complete(this.bytes.toByteArray());
					return;
				}
			}
		}

		@Override
		public void onError(Throwable error) {
			this.body.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.body.complete(this.bytes.toByteArray());
		}

	}

	/** Whether {@code vigil.gateway.notifier-url} is set to something. */
	static class NotifierUrlSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("vigil.gateway.notifier-url", String.class)
				.map((url) -> !url.isBlank())
				.orElse(false);
		}

	}

}
