package org.vigil.notifier.push;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.notifier.NotifierProperties;
import org.vigil.notifier.sending.Sender;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;

/**
 * The service worker's receipt for a pushed page it showed:
 * {@code POST /api/v1/notifications/push-receipts} with the form {@code t=<token>}, the
 * one-time token the page's encrypted payload carried. No login and no CSRF token: the
 * browser may hold no session (the service worker sends none), and the token, which only
 * that browser could decrypt, is the credential. It is on the console's origin, the only
 * one the service worker may reach ({@code connect-src 'self'}): inside the standalone
 * network, or where a reverse proxy sends this path to the notifier.
 *
 * <p>
 * The message becomes DELIVERED ({@link Sender#receipt}, as a provider's delivery report
 * makes it): 204. A token of the wrong form is 400; one unknown, spent or expired is 410
 * ({@value #REFUSED_TYPE}), and changes nothing. A receipt after the message is final
 * (the request acknowledged, or the page failed over) spends the token and changes
 * nothing either. Showing a page is no acknowledgement: that stays the ack link's confirm
 * button, the console or an SMS reply.
 */
@Tag(name = "Push", description = "Receipts of the console's service worker")
@RestController
public class PushReceiptController {

	/** Where service workers post receipts. */
	public static final String PATH = NotifierProperties.PUSH_RECEIPTS_PATH;

	/** The problem type of a token refused. */
	public static final String REFUSED_TYPE = "/problems/push-receipt-refused";

	private static final Logger log = LoggerFactory.getLogger(PushReceiptController.class);

	private final PushReceipts receipts;

	private final Sender sender;

	public PushReceiptController(PushReceipts receipts, Sender sender) {
		this.receipts = receipts;
		this.sender = sender;
	}

	@Operation(
			summary = "A browser's service worker reports that it showed a pushed page (the page's one-time receipt token; no login)")
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<ProblemDetail> receipt(@RequestParam(name = "t", required = false) String token) {
		if (!PushReceipts.wellFormed(token)) {
			return problem(HttpStatus.BAD_REQUEST, "/problems/malformed-request", "Malformed request",
					"t must be the page's receipt token: 32 base64url characters");
		}
		Optional<DeliveryKey> key = this.receipts.redeem(token);
		if (key.isEmpty()) {
			return problem(HttpStatus.GONE, REFUSED_TYPE, "Receipt token refused",
					"the receipt token is unknown, used already or expired");
		}
		if (!this.sender.receipt(key.get(), DeliveryStatus.DELIVERED, "shown by the browser")) {
			log.info("A push receipt for {}, final already", key.get());
		}
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		problem.setTitle(title);
		problem.setInstance(URI.create(PATH));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
