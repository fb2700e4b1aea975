package org.vigil.notifier.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import org.vigil.protocol.notification.ContactChannel;

/**
 * SMS or voice through a provider's HTTP API: one POST per message, its body made from a
 * configurable template. The template's placeholders are replaced by JSON string contents
 * (escaped, without quotes): {@code ${to}} the E.164 number, {@code ${text}} what to send
 * or speak, {@code ${reference}} the message's idempotency key, which the provider hands
 * back in its delivery-status callback, and {@code ${callback}} the URL of that callback.
 * Any 2xx answer is acceptance; anything else, or no answer in time, is a failure, and
 * the page moves to the next channel. The idempotency key also travels as the
 * {@code Idempotency-Key} header, for a provider that drops repeated sends.
 */
public class HttpProviderChannel implements Channel {

	public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private final ContactChannel kind;

	private final URI url;

	private final String authorization;

	private final String template;

	private final String callbackUrl;

	private final Duration timeout;

	private final HttpClient client;

	/**
	 * @param kind SMS or VOICE
	 * @param url where to POST
	 * @param username for HTTP Basic; empty for none
	 * @param password for HTTP Basic
	 * @param template the body, with placeholders
	 * @param callbackUrl where the provider reports delivery
	 * @param timeout for the whole exchange
	 */
	public HttpProviderChannel(ContactChannel kind, URI url, String username, String password, String template,
			String callbackUrl, Duration timeout) {
		if (kind != ContactChannel.SMS && kind != ContactChannel.VOICE) {
			throw new IllegalArgumentException("an HTTP provider sends SMS or places voice calls, not " + kind);
		}
		this.kind = kind;
		this.url = Objects.requireNonNull(url, "url");
		this.authorization = (username != null && !username.isEmpty()) ? "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
				: null;
		this.template = Objects.requireNonNull(template, "template");
		this.callbackUrl = (callbackUrl != null) ? callbackUrl : "";
		this.timeout = timeout;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public ContactChannel kind() {
		return this.kind;
	}

	@Override
	public boolean hasReceipts() {
		return true;
	}

	@Override
	public SendOutcome send(OutgoingMessage message) {
		String body = render(this.template, Map.of("to", message.address(), "text", message.text(), "reference",
				message.reference(), "callback", this.callbackUrl));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header(IDEMPOTENCY_HEADER, message.reference())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return SendOutcome.accepted(message.reference());
			}
			return SendOutcome.failed(this.kind + " provider answered HTTP " + response.statusCode());
		}
		catch (IOException ex) {
			return SendOutcome.failed(this.kind + " provider unreachable: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendOutcome.failed(this.kind + " send interrupted");
		}
	}

	/** The template with every {@code ${name}} replaced by the JSON-escaped value. */
	static String render(String template, Map<String, String> values) {
		String body = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			body = body.replace("${" + value.getKey() + "}", jsonEscape(value.getValue()));
		}
		return body;
	}

	static String jsonEscape(String value) {
		StringBuilder out = new StringBuilder(value.length() + 16);
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
