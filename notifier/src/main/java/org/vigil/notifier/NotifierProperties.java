package org.vigil.notifier;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.vigil.notifier.channel.SmtpChannel;

/**
 * The notifier's settings ({@code vigil.notifier.*}); docs/configuration.md lists them.
 *
 * @param enabled whether the notifier runs (the standalone network turns it off unless a
 * relay or provider is configured)
 * @param consumerGroup the Kafka group of the notifier instances
 * @param keyPrefix the prefix of its Redis keys
 * @param tick how often the sender looks for due messages
 * @param lease how long a message handed to a channel may go without an outcome before it
 * is sent again (the sender is presumed dead)
 * @param receiptWithin how long an SMS or call may go without a delivery receipt before
 * it counts as failed and the next channel is tried
 * @param batch the most messages claimed per tick
 * @param senderThreads how many messages are sent at once
 * @param linkKey the acknowledgement links' HMAC key, base64, at least 32 bytes; the
 * gateway verifies with the same key ({@code vigil.gateway.ack-link-key})
 * @param linkValidity how long an acknowledgement link works
 * @param publicUrl the gateway's address as officers reach it, for links
 * @param callbackToken the bearer token providers present on delivery callbacks
 * @param callbackUrl where providers send delivery callbacks; empty for
 * {@code publicUrl + /api/v1/notifications/receipts}
 * @param publishTimeout how long to wait for Kafka to confirm a delivery update
 * @param mail the SMTP relay; absent for no e-mail
 * @param sms the SMS provider; absent for no SMS
 * @param voice the voice provider; absent for no calls
 * @param push Web Push to the console's service worker; absent for no push
 * @param sessionTimeout how long before a notifier instance that stopped answering loses
 * its partitions to another, which then plans their alerts (Kafka's default is 45 s)
 */
@ConfigurationProperties("vigil.notifier")
public record NotifierProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("vigil-notifier") String consumerGroup,
		@DefaultValue(NotifierKeys.DEFAULT_PREFIX) String keyPrefix, @DefaultValue("200ms") Duration tick,
		@DefaultValue("30s") Duration lease, @DefaultValue("60s") Duration receiptWithin, @DefaultValue("50") int batch,
		@DefaultValue("4") int senderThreads, String linkKey, @DefaultValue("12h") Duration linkValidity,
		@DefaultValue("http://127.0.0.1:8080") String publicUrl, @DefaultValue("") String callbackToken,
		@DefaultValue("") String callbackUrl, @DefaultValue("10s") Duration publishTimeout, Mail mail, Provider sms,
		Provider voice, Push push, @DefaultValue("6s") Duration sessionTimeout) {

	/** The path of the delivery callback, on the notifier's (or standalone's) server. */
	public static final String RECEIPTS_PATH = "/api/v1/notifications/receipts";

	/**
	 * The path of service workers' push receipts, on the notifier's (or standalone's)
	 * server.
	 */
	public static final String PUSH_RECEIPTS_PATH = "/api/v1/notifications/push-receipts";

	public NotifierProperties {
		if (enabled && (linkKey == null || linkKey.isBlank())) {
			throw new IllegalArgumentException(
					"vigil.notifier.link-key is required: the base64 HMAC key of acknowledgement links (32 bytes or more)");
		}
		if ((sms != null || voice != null) && callbackToken.length() < 16) {
			throw new IllegalArgumentException(
					"vigil.notifier.callback-token (16 characters or more) is required with an SMS or voice provider");
		}
		if (batch < 1 || senderThreads < 1) {
			throw new IllegalArgumentException("vigil.notifier.batch and sender-threads are at least 1");
		}
	}

	/**
	 * Where service workers post the receipts of pushed pages: the console's origin, the
	 * only one its Content-Security-Policy ({@code connect-src 'self'}) lets them reach.
	 */
	public String pushReceiptUrl() {
		return publicUrl.replaceAll("/+$", "") + PUSH_RECEIPTS_PATH;
	}

	/** Where providers report delivery. */
	public String effectiveCallbackUrl() {
		return callbackUrl.isEmpty() ? publicUrl + RECEIPTS_PATH : callbackUrl;
	}

	/**
	 * The SMTP relay.
	 *
	 * @param host its host, as its certificate names it
	 * @param port its port; 587 (submission) by default, 465 for SMTPS
	 * @param security STARTTLS_REQUIRED by default; SMTPS for implicit TLS;
	 * STARTTLS_OPTIONAL or NONE only for a relay on the same host
	 * @param trustStore a file of the certificates the relay's chain must end in (PEM, or
	 * a PKCS#12 or JKS key store); empty for the JDK's default trust store
	 * @param trustStorePassword the key store's password; not needed for PEM
	 * @param username for SMTP AUTH; empty for none
	 * @param password for SMTP AUTH
	 * @param from the sender address
	 * @param timeout connect, read and write timeout
	 * @param perSecond the most messages a second, sustained
	 * @param burst the most messages at once
	 */
	public record Mail(String host, @DefaultValue("587") int port,
			@DefaultValue("STARTTLS_REQUIRED") SmtpChannel.Security security, @DefaultValue("") String trustStore,
			@DefaultValue("") String trustStorePassword, @DefaultValue("") String username,
			@DefaultValue("") String password, @DefaultValue("vigil@localhost") String from,
			@DefaultValue("10s") Duration timeout, @DefaultValue("10") double perSecond,
			@DefaultValue("20") int burst) {

		public Mail {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("vigil.notifier.mail.host is required for e-mail");
			}
		}

	}

	/**
	 * An SMS or voice provider with an HTTP API.
	 *
	 * @param url where to POST a message
	 * @param username for HTTP Basic; empty for none
	 * @param password for HTTP Basic
	 * @param template the request body, with {@code ${to}}, {@code ${text}},
	 * {@code ${reference}} and {@code ${callback}}
	 * @param timeout for one request
	 * @param perSecond the most messages a second, sustained
	 * @param burst the most messages at once
	 */
	public record Provider(URI url, @DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue(DEFAULT_TEMPLATE) String template, @DefaultValue("10s") Duration timeout,
			@DefaultValue("5") double perSecond, @DefaultValue("10") int burst) {

		public static final String DEFAULT_TEMPLATE = "{\"to\":\"${to}\",\"text\":\"${text}\",\"reference\":\"${reference}\",\"callback\":\"${callback}\"}";

		public Provider {
			if (url == null) {
				throw new IllegalArgumentException("a provider's url is required");
			}
		}

	}

	/**
	 * Web Push (VAPID, RFC 8292) to the browsers officers enabled alerts in.
	 *
	 * @param vapidPublicKey the application server's P-256 public key, uncompressed,
	 * base64url; browsers subscribe with it (the standalone network generates a pair once
	 * into its data directory)
	 * @param vapidPrivateKey its private scalar, base64url; both empty for no push
	 * @param subject the contact the push services see ({@code mailto:} or
	 * {@code https:})
	 * @param ttl how long a push service keeps a message for a browser that is offline
	 * @param timeout for one request
	 * @param allowLoopback whether push endpoints on this host are used (tests only)
	 * @param perSecond the most messages a second, sustained
	 * @param burst the most messages at once
	 */
	public record Push(String vapidPublicKey, String vapidPrivateKey,
			@DefaultValue("mailto:vigil@localhost") String subject, @DefaultValue("1h") Duration ttl,
			@DefaultValue("10s") Duration timeout, @DefaultValue("false") boolean allowLoopback,
			@DefaultValue("20") double perSecond, @DefaultValue("40") int burst) {

		public Push {
			vapidPublicKey = (vapidPublicKey != null) ? vapidPublicKey.trim() : "";
			vapidPrivateKey = (vapidPrivateKey != null) ? vapidPrivateKey.trim() : "";
			if (vapidPublicKey.isEmpty() != vapidPrivateKey.isEmpty()) {
				throw new IllegalArgumentException(
						"vigil.notifier.push.vapid-public-key and vapid-private-key go together");
			}
		}

		/**
		 * Whether push is on: both keys given (a deployment passes empty ones for no
		 * push).
		 */
		public boolean configured() {
			return !this.vapidPublicKey.isEmpty();
		}

	}

}
