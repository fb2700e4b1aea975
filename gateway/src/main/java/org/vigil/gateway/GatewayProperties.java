package org.vigil.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway ({@code vigil.gateway.*}).
 *
 * @param demoPassword for the demo network only: the password of every person in the
 * directory. Empty means nobody can log in with a password
 * @param publishTimeout how long a submission waits for Kafka to confirm it before the
 * sender is told it was not accepted
 * @param consumerGroup the consumer group of the read model, shared by all gateway
 * instances
 * @param pkiDir the network PKI, in the layout {@code vigil pki init} writes: the CA that
 * signatures must chain to, the CRL, the network's receipt-signing key and, in the demo,
 * the contact points' signing keys that console submissions are signed with
 * @param pkiPassword the password of the PKI's key stores
 * @param clockSkew how far a signed request's {@code createdAt} may be from the gateway's
 * clock
 * @param maxSignedRequestBytes the largest signed request accepted
 * @param maxRequestBytes the largest body of any API request (413 beyond); at least
 * {@code maxSignedRequestBytes}
 * @param requestsPerMinute how many API calls one person or national system may make in a
 * minute before being answered 429; 0 for no limit. The default, 600, is ten a second:
 * far above what a person does, and a national system that needs more gets its own
 * setting
 * @param projectorThreads how many threads of each gateway instance project events into
 * the read model; more than the topics' partitions only idle. Events of one request stay
 * in order: they share a partition, and a partition has one thread
 * @param ackLinkKey the HMAC key of the acknowledgement links in messages, base64, the
 * notifier's {@code vigil.notifier.link-key}; empty or absent, links are refused
 * @param pushPublicKey the VAPID public key browsers subscribe to push alerts with (the
 * notifier's {@code vigil.notifier.push.vapid-public-key}); empty or absent, the console
 * offers no alerts
 * @param notifierUrl the notifier's own base URL inside the deployment (such as
 * {@code http://notifier:8080}) when it runs in a process of its own: the gateway then
 * relays the service workers' push receipts, which browsers may only post to the
 * console's origin, to it. Absent (the default, and in the standalone network, whose
 * notifier serves the path in the same server) for no relay
 * @param sessionTimeout how long before a gateway instance that stopped answering loses
 * its partitions of the projector (and of its other consumers) to another instance: until
 * then, officers on the other instances get no live alert frames of those partitions and
 * the read model stands still for them. Kafka's default is 45 s; the default here is the
 * dispatcher's, 6 s, the broker's minimum by default
 */
@ConfigurationProperties("vigil.gateway")
public record GatewayProperties(String demoPassword, Duration publishTimeout, String consumerGroup, Path pkiDir,
		String pkiPassword, Duration clockSkew, Integer maxSignedRequestBytes, Integer requestsPerMinute,
		Integer projectorThreads, Long maxRequestBytes, String ackLinkKey, String pushPublicKey, URI notifierUrl,
		Duration sessionTimeout) {

	public GatewayProperties {
		publishTimeout = (publishTimeout != null) ? publishTimeout : Duration.ofSeconds(10);
		consumerGroup = (consumerGroup != null) ? consumerGroup : "vigil-gateway";
		clockSkew = (clockSkew != null) ? clockSkew : Duration.ofMinutes(5);
		maxSignedRequestBytes = (maxSignedRequestBytes != null) ? maxSignedRequestBytes : 1024 * 1024;
		requestsPerMinute = (requestsPerMinute != null) ? requestsPerMinute : 600;
		projectorThreads = (projectorThreads != null) ? projectorThreads : 3;
		sessionTimeout = (sessionTimeout != null) ? sessionTimeout : Duration.ofSeconds(6);
		maxRequestBytes = (maxRequestBytes != null) ? maxRequestBytes : 2L * 1024 * 1024;
		if (maxRequestBytes < maxSignedRequestBytes) {
			throw new IllegalArgumentException("vigil.gateway.max-request-bytes must be at least "
					+ "vigil.gateway.max-signed-request-bytes (" + maxSignedRequestBytes + ")");
		}
		ackLinkKey = (ackLinkKey != null) ? ackLinkKey.trim() : "";
		pushPublicKey = (pushPublicKey != null) ? pushPublicKey.trim() : "";
		if (notifierUrl != null && notifierUrl.toString().isBlank()) {
			notifierUrl = null;
		}
		if (notifierUrl != null && (!notifierUrl.isAbsolute() || notifierUrl.getHost() == null
				|| !("http".equals(notifierUrl.getScheme()) || "https".equals(notifierUrl.getScheme()))
				|| notifierUrl.getRawQuery() != null || notifierUrl.getRawFragment() != null)) {
			throw new IllegalArgumentException("vigil.gateway.notifier-url is the notifier's base URL, "
					+ "http(s)://host:port without query or fragment, not " + notifierUrl);
		}
		if (requestsPerMinute < 0) {
			throw new IllegalArgumentException("vigil.gateway.requests-per-minute is 0 (no limit) or more");
		}
		if (pkiDir == null) {
			throw new IllegalArgumentException(
					"vigil.gateway.pki-dir is required: the network PKI (create a dev one with 'vigil pki init')");
		}
		if (pkiPassword == null) {
			throw new IllegalArgumentException("vigil.gateway.pki-password is required with vigil.gateway.pki-dir");
		}
	}

}
