package org.vigil.notifier.push;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.notifier.channel.Channel;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.notifier.channel.SendOutcome;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.ContactChannel;

/**
 * Web Push to the console's service worker: the payload (JSON: request, urgency, from,
 * title, text, the acknowledgement link) encrypted for the subscription (RFC 8291),
 * POSTed to its endpoint with a VAPID authorization (RFC 8292), a {@code TTL} and
 * {@code Urgency: high} for an emergency.
 *
 * <p>
 * A 2xx (push services answer 201) means the push service took the message: SENT. Push
 * services give no delivery receipt; the service worker gives one instead: the payload
 * carries {@code receipt} (where to post) and {@code receiptToken} (a one-time token from
 * {@link PushReceipts}), and {@link PushReceiptController} records DELIVERED when it
 * comes. Without one the message stays SENT, as an e-mail does: a browser that is closed
 * may show the page hours later, so no receipt in time is no failure. 404 and 410 mean
 * the subscription is gone (the browser unsubscribed, or the profile was wiped) and any
 * other answer that the push service refused: both fail, and the officer's next channel
 * goes at once.
 */
public class PushChannel implements Channel {

	private final Vapid vapid;

	private final Duration ttl;

	private final Duration timeout;

	private final boolean allowLoopback;

	private final HttpClient client;

	private final PushReceipts receipts;

	private final String receiptUrl;

	/** A channel whose pages ask for no receipt. */
	public PushChannel(Vapid vapid, Duration ttl, Duration timeout, boolean allowLoopback) {
		this(vapid, ttl, timeout, allowLoopback, null, null);
	}

	/**
	 * @param vapid the application server's keys
	 * @param ttl how long the push service keeps a message for a browser that is offline
	 * @param timeout for the whole exchange
	 * @param allowLoopback whether endpoints on this host may be used (tests and a local
	 * push service only: otherwise a subscription naming {@code 127.0.0.1} would make the
	 * notifier POST to its own host's services)
	 * @param receipts issues each page's receipt token; null for pages without one
	 * @param receiptUrl where the service worker posts the token: the console's origin
	 * and {@value PushReceiptController#PATH}
	 */
	public PushChannel(Vapid vapid, Duration ttl, Duration timeout, boolean allowLoopback, PushReceipts receipts,
			String receiptUrl) {
		this.vapid = Objects.requireNonNull(vapid, "vapid");
		this.ttl = ttl;
		this.timeout = timeout;
		this.allowLoopback = allowLoopback;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.receipts = receipts;
		this.receiptUrl = (receipts != null) ? Objects.requireNonNull(receiptUrl, "receiptUrl") : null;
	}

	@Override
	public ContactChannel kind() {
		return ContactChannel.PUSH;
	}

	@Override
	public boolean hasReceipts() {
		return false;
	}

	@Override
	public SendOutcome send(OutgoingMessage message) {
		if (message.push() == null) {
			return SendOutcome.failed("the push subscription has no keys");
		}
		URI endpoint;
		try {
			endpoint = URI.create(message.address());
			if (!this.allowLoopback && InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
				return SendOutcome.failed("push endpoints on this host are not allowed");
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return SendOutcome.failed("push endpoint unusable: " + ex.getClass().getSimpleName());
		}
		// Issued before the push goes, and kept if the push fails: it then expires
		// unused.
		String receiptToken = (this.receipts != null) ? this.receipts.issue(DeliveryKey.parse(message.reference()))
				: null;
		byte[] body;
		try {
			body = PayloadEncryption.encrypt(
					payload(message, this.receiptUrl, receiptToken).getBytes(StandardCharsets.UTF_8),
					EcKeys.decode(message.push().p256dh()), EcKeys.decode(message.push().auth()));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// A key that is not a point on P-256 (PushKeys checks only its form): sending
			// again would not help, so fail over now rather than throw and be retried.
			return SendOutcome.failed("the push subscription's key is unusable: " + ex.getMessage());
		}
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(this.timeout)
			.header("Authorization", this.vapid.authorization(endpoint))
			.header("Content-Encoding", "aes128gcm")
			.header("Content-Type", "application/octet-stream")
			.header("TTL", Long.toString(this.ttl.toSeconds()))
			.header("Urgency", (message.urgency() == Urgency.EMERGENCY) ? "high" : "normal")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			if (status / 100 == 2) {
				// Not the push service's Location: it addresses the browser's message,
				// and
				// vigil.notifications, kept forever, holds no addresses.
				return SendOutcome.accepted(message.reference());
			}
			if (status == 404 || status == 410) {
				return SendOutcome.failed("the push subscription is gone (HTTP " + status + ")");
			}
			return SendOutcome.failed("the push service answered HTTP " + status);
		}
		catch (IOException ex) {
			return SendOutcome.failed("push service unreachable: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SendOutcome.failed("push send interrupted");
		}
	}

	/**
	 * What the service worker gets: enough to show the page, report that it did, and
	 * acknowledge it.
	 * @param receiptUrl where to post the receipt; null for a page without one
	 * @param receiptToken the page's one-time receipt token; null for none
	 */
	static String payload(OutgoingMessage message, String receiptUrl, String receiptToken) {
		return "{\"request\":\"" + json(DeliveryKey.parse(message.reference()).requestId().value())
				+ "\",\"urgency\":\"" + ((message.urgency() != null) ? message.urgency().name() : "") + "\",\"from\":\""
				+ ((message.from() != null) ? json(message.from().value()) : "") + "\",\"title\":\""
				+ json((message.subject() != null) ? message.subject() : "Vigil") + "\",\"text\":\""
				+ json(message.text()) + "\",\"ack\":\"" + json((message.ackUrl() != null) ? message.ackUrl() : "")
				+ ((receiptToken != null)
						? "\",\"receipt\":\"" + json(receiptUrl) + "\",\"receiptToken\":\"" + json(receiptToken) : "")
				+ "\"}";
	}

	private static String json(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
