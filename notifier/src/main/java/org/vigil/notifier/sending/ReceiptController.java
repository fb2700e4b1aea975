package org.vigil.notifier.sending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.notifier.NotifierProperties;
import org.vigil.notifier.direct.DirectSender;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DirectMessage;
import org.vigil.protocol.notification.DeliveryStatus;

/**
 * Delivery-status callbacks from the SMS and voice providers:
 * {@code POST /api/v1/notifications/receipts} with {@code Authorization: Bearer <token>}
 * and {@code {"reference": "<the message's key>", "status": "delivered", "detail": "…"}}.
 * Statuses that mean the person was reached ({@code delivered}, {@code answered},
 * {@code completed}) and those that mean they were not ({@code failed},
 * {@code undelivered}, {@code busy}, {@code no-answer}, {@code rejected},
 * {@code canceled}) are recorded; interim ones ({@code queued}, {@code ringing}…) are
 * acknowledged and ignored.
 */
@Tag(name = "Providers", description = "Callbacks of the SMS and voice providers")
@RestController
public class ReceiptController {

	private static final Set<String> REACHED = Set.of("delivered", "answered", "completed");

	private static final Set<String> NOT_REACHED = Set.of("failed", "undelivered", "busy", "no-answer", "no_answer",
			"rejected", "canceled", "cancelled", "expired");

	private final Sender sender;

	private final DirectSender direct;

	private final byte[] token;

	public ReceiptController(Sender sender, DirectSender direct, NotifierProperties properties) {
		this.sender = sender;
		this.direct = direct;
		this.token = ("Bearer " + properties.callbackToken()).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A provider's delivery report.
	 *
	 * @param reference the message's key, as the provider was given it
	 * @param status the provider's word for the outcome
	 * @param detail anything the provider adds; may be null
	 */
	public record Report(String reference, String status, String detail) {
	}

	@Operation(summary = "A provider reports what became of an SMS or call (bearer token of the providers)")
	@PostMapping(NotifierProperties.RECEIPTS_PATH)
	ResponseEntity<Void> receipt(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody Report report) {
		if (this.token.length <= "Bearer ".length() || authorization == null
				|| !MessageDigest.isEqual(this.token, authorization.getBytes(StandardCharsets.UTF_8))) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		String status = (report.status() != null) ? report.status().toLowerCase(Locale.ROOT) : "";
		if (report.reference() != null && report.reference().startsWith(DirectMessage.REFERENCE_PREFIX)) {
			if (REACHED.contains(status)) {
				this.direct.receipt(report.reference(), DeliveryStatus.DELIVERED, report.detail());
			}
			else if (NOT_REACHED.contains(status)) {
				this.direct.receipt(report.reference(), DeliveryStatus.FAILED,
						"the provider reported " + status + ((report.detail() != null) ? ": " + report.detail() : ""));
			}
			return ResponseEntity.noContent().build();
		}
		DeliveryKey key;
		try {
			key = DeliveryKey.parse(report.reference());
		}
		catch (RuntimeException ex) {
			return ResponseEntity.badRequest().build();
		}
		if (REACHED.contains(status)) {
			this.sender.receipt(key, DeliveryStatus.DELIVERED, report.detail());
		}
		else if (NOT_REACHED.contains(status)) {
			this.sender.receipt(key, DeliveryStatus.FAILED,
					"the provider reported " + status + ((report.detail() != null) ? ": " + report.detail() : ""));
		}
		return ResponseEntity.noContent().build();
	}

}
