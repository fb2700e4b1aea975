package org.vigil.gateway.acklink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.GatewayProperties;
import org.vigil.gateway.command.CommandPublisher;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.notification.AckLink;
import org.vigil.protocol.notification.AckTokenRejected;
import org.vigil.protocol.notification.AckTokens;

/**
 * {@code /ack?t=<token>}: acknowledging a request from the link in a message, without
 * logging in. The signed token names the request, the officer, the step and the channel;
 * it expires, and works once.
 *
 * <p>
 * {@code GET} only shows what the link would do and a button: mail scanners and link
 * previews follow links, and must not acknowledge a request on an officer's behalf.
 * {@code POST} acknowledges, as the officer, recording the channel the message came by;
 * the dispatcher then treats it like an acknowledgement in the console. The token itself
 * is the credential, so this form carries no CSRF token: whoever could forge the POST
 * already holds the link.
 */
@Controller
public class AckLinkController {

	public static final String PATH = "/ack";

	private final CommandPublisher commands;

	private final RequestStatuses statuses;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final AckTokens tokens;

	public AckLinkController(CommandPublisher commands, RequestStatuses statuses, StringRedisTemplate redis,
			Clock clock, GatewayProperties properties) {
		this.commands = commands;
		this.statuses = statuses;
		this.redis = redis;
		this.clock = clock;
		this.tokens = properties.ackLinkKey().isEmpty() ? null : AckTokens.fromBase64(properties.ackLinkKey());
	}

	@GetMapping(PATH)
	ResponseEntity<String> confirm(@RequestParam(name = "t", required = false) String token) {
		Optional<AckLink> link = verify(token);
		if (link.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, "This link does not work",
					"<p>The link is not valid or has expired. Log in to the console to acknowledge.</p>");
		}
		AckLink ack = link.get();
		if (Boolean.TRUE.equals(this.redis.hasKey(GatewayKeys.ackLinkUsed(ack.nonce())))) {
			return page(HttpStatus.GONE, "This link was used", "<p>This link was used already.</p>");
		}
		Optional<RequestStatus> status = this.statuses.find(ack.requestId());
		if (status.isPresent() && status.get().acknowledgedBy() != null) {
			return alreadyAcknowledged(status.get());
		}
		return page(HttpStatus.OK, "Acknowledge request " + ack.requestId(),
				"<p>" + escape(ack.officer().value()) + ", you were paged by " + escape(ack.channel().words())
						+ " for request <strong>" + escape(ack.requestId().value()) + "</strong>.</p>"
						+ "<p>Acknowledging tells the requesting Party that you have it, and stops the escalation.</p>"
						+ "<form method=\"post\" action=\"" + PATH + "\"><input type=\"hidden\" name=\"t\" value=\""
						+ escape(token) + "\"><button type=\"submit\">Acknowledge</button></form>");
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> acknowledge(@RequestParam(name = "t", required = false) String token) {
		Optional<AckLink> link = verify(token);
		if (link.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, "This link does not work",
					"<p>The link is not valid or has expired. Log in to the console to acknowledge.</p>");
		}
		AckLink ack = link.get();
		Optional<RequestStatus> status = this.statuses.find(ack.requestId());
		if (status.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, "Unknown request", "<p>The network does not know this request.</p>");
		}
		if (status.get().acknowledgedBy() != null) {
			return alreadyAcknowledged(status.get());
		}
		Instant now = this.clock.instant();
		String used = GatewayKeys.ackLinkUsed(ack.nonce());
		Duration left = Duration.between(now, ack.expiresAt());
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(used, now.toString(), left))) {
			return page(HttpStatus.GONE, "This link was used", "<p>This link was used already.</p>");
		}
		try {
			this.commands.publish(new AcknowledgeRequest(ack.requestId(), ack.officer(), now, ack.channel()));
		}
		catch (RuntimeException ex) {
			// Not accepted: the link must still work when the officer tries again.
			this.redis.delete(used);
			throw ex;
		}
		return page(HttpStatus.ACCEPTED, "Acknowledged",
				"<p>Request <strong>" + escape(ack.requestId().value()) + "</strong> is acknowledged by "
						+ escape(ack.officer().value()) + " via " + escape(ack.channel().words())
						+ ". The requesting Party is told.</p><p>Answer it in the <a href=\"/\">console</a>.</p>");
	}

	private Optional<AckLink> verify(String token) {
		if (this.tokens == null || token == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.tokens.verify(token, this.clock.instant()));
		}
		catch (AckTokenRejected ex) {
			return Optional.empty();
		}
	}

	private static ResponseEntity<String> alreadyAcknowledged(RequestStatus status) {
		return page(HttpStatus.OK, "Already acknowledged", "<p>Request <strong>" + escape(status.id())
				+ "</strong> was acknowledged by " + escape(status.acknowledgedBy()) + ".</p>");
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"referrer\" content=\"no-referrer\"><title>Vigil: " + escape(title)
				+ "</title><link rel=\"stylesheet\" href=\"/console.css\"></head><body><main><h1>" + escape(title)
				+ "</h1>" + body + "</main></body></html>";
		return ResponseEntity.status(status)
			.contentType(MediaType.TEXT_HTML)
			.header("Cache-Control", "no-store")
			.header("Referrer-Policy", "no-referrer")
			.body(html);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
