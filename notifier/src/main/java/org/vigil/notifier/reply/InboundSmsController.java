package org.vigil.notifier.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.notifier.NotifierProperties;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.AckLink;
import org.vigil.protocol.notification.AckTokens;

/**
 * The provider's inbound-SMS callback: a reply carrying the code of a page's text
 * acknowledges the request as the officer the text went to, via SMS, exactly as the link
 * in it would (the dispatcher lets a paged officer always). Authenticated by the same
 * bearer token as delivery reports. The answer is 204 whatever the reply said: a provider
 * has nothing to do with it, and a prober learns nothing.
 */
@Tag(name = "Providers", description = "Callbacks of the SMS and voice providers")
@RestController
public class InboundSmsController {

	/** Where providers post replies. */
	public static final String PATH = "/api/v1/notifications/inbound";

	private static final Logger log = LoggerFactory.getLogger(InboundSmsController.class);

	private static final Pattern CODE = Pattern.compile("\\b([0-9]{4})\\b");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ReplyCodes codes;

	private final AckTokens tokens;

	private final Producer<String, byte[]> producer;

	private final Clock clock;

	private final byte[] token;

	public InboundSmsController(ReplyCodes codes, NotifierProperties properties,
			Producer<String, byte[]> notifierProducer, Clock clock) {
		this.codes = codes;
		this.tokens = AckTokens.fromBase64(properties.linkKey());
		this.producer = notifierProducer;
		this.clock = clock;
		this.token = ("Bearer " + properties.callbackToken()).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * An SMS an officer sent back.
	 *
	 * @param from the sender's number, E.164
	 * @param text what they wrote; the first group of four digits is the code
	 */
	public record Reply(String from, String text) {
	}

	@Operation(
			summary = "A provider forwards an SMS an officer sent back; its code acknowledges (bearer token of the providers)")
	@PostMapping(PATH)
	ResponseEntity<Void> reply(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody Reply reply) {
		if (this.token.length <= "Bearer ".length() || authorization == null
				|| !MessageDigest.isEqual(this.token, authorization.getBytes(StandardCharsets.UTF_8))) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		if (reply == null || reply.from() == null || reply.text() == null) {
			return ResponseEntity.badRequest().build();
		}
		Matcher code = CODE.matcher(reply.text());
		if (!code.find()) {
			return ResponseEntity.noContent().build();
		}
		Optional<String> signed = this.codes.take(reply.from().trim(), code.group(1));
		if (signed.isEmpty()) {
			log.info("An SMS reply with an unknown or used code");
			return ResponseEntity.noContent().build();
		}
		Instant now = this.clock.instant();
		AckLink link;
		try {
			link = this.tokens.verify(signed.get(), now);
		}
		catch (RuntimeException ex) {
			log.info("An SMS reply whose link has expired: {}", ex.getMessage());
			return ResponseEntity.noContent().build();
		}
		AcknowledgeRequest acknowledge = new AcknowledgeRequest(link.requestId(), link.officer(), now, link.channel());
		try {
			this.producer
				.send(new ProducerRecord<>(Topics.REQUESTS, link.requestId().value(), WireJson.write(acknowledge)))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			this.producer.send(new ProducerRecord<>(Topics.AUDIT, link.requestId().value(),
					WireJson.write(new AuditEntry(now, link.officer().value(), "ACKNOWLEDGE", link.requestId().value(),
							"ACCEPTED", "by a reply to a message sent by SMS", "sms-reply:" + link.nonce(), null))))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// The provider retries a callback that failed; the code is spent, so the
			// officer uses the link or the console.
			log.error("Kafka did not take the acknowledgement of {} by SMS reply", link.requestId(), ex);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		return ResponseEntity.noContent().build();
	}

}
