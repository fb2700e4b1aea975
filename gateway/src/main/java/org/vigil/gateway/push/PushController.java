package org.vigil.gateway.push;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.notification.PushKeys;
import org.vigil.gateway.GatewayProperties;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.Roles;
import org.vigil.gateway.security.VigilUser;
import org.vigil.gateway.audit.SubmissionAuditFilter;
import org.vigil.protocol.notification.ContactChannel;

/**
 * Web Push for the console: {@code GET /api/v1/push/vapid-public-key} (the key the
 * browser subscribes with), and {@code PUT}/{@code DELETE /api/v1/me/push-subscription}
 * (the logged-in officer's own subscription, the body being the browser's
 * {@code PushSubscription.toJSON()}).
 */
@RestController
public class PushController {

	public static final String KEY_PATH = "/api/v1/push/vapid-public-key";

	public static final String SUBSCRIPTION_PATH = "/api/v1/me/push-subscription";

	private final PushSubscriptions subscriptions;

	private final String publicKey;

	public PushController(PushSubscriptions subscriptions, GatewayProperties properties) {
		this.subscriptions = subscriptions;
		this.publicKey = properties.pushPublicKey();
	}

	/**
	 * The browser's subscription, as {@code PushSubscription.toJSON()} gives it.
	 *
	 * @param endpoint the push service's URL for this browser
	 * @param keys its {@code p256dh} and {@code auth}
	 */
	public record Subscription(String endpoint, Keys keys) {

		/** The subscription's keys, base64url. */
		public record Keys(String p256dh, String auth) {
		}

	}

	@Operation(summary = "The VAPID public key browsers subscribe to Web Push with")
	@GetMapping(KEY_PATH)
	@PreAuthorize(Roles.ANYONE)
	Map<String, String> publicKey() {
		if (this.publicKey.isEmpty()) {
			throw new Refused(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No push alerts",
					"This network sends no push alerts (no VAPID key is configured)");
		}
		return Map.of("publicKey", this.publicKey);
	}

	@Operation(summary = "Save this browser's Web Push subscription as the caller's own push contact method")
	@PutMapping(SUBSCRIPTION_PATH)
	@PreAuthorize(Roles.OFFICER)
	ResponseEntity<Void> subscribe(@AuthenticationPrincipal VigilUser user, @RequestBody Subscription subscription,
			HttpServletRequest http) {
		if (this.publicKey.isEmpty()) {
			throw new Refused(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No push alerts",
					"This network sends no push alerts (no VAPID key is configured)");
		}
		ContactMethod method;
		try {
			if (subscription.endpoint() == null || subscription.keys() == null) {
				throw new IllegalArgumentException("endpoint and keys are required");
			}
			method = new ContactMethod(ContactChannel.PUSH, subscription.endpoint(), null,
					new PushKeys(subscription.keys().p256dh(), subscription.keys().auth()));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new Refused(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_FIELDS, "Not a push subscription",
					ex.getMessage());
		}
		this.subscriptions.subscribe(user, method, correlation(http));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Remove the caller's Web Push subscription")
	@DeleteMapping(SUBSCRIPTION_PATH)
	@PreAuthorize(Roles.OFFICER)
	ResponseEntity<Void> unsubscribe(@AuthenticationPrincipal VigilUser user, HttpServletRequest http) {
		this.subscriptions.unsubscribe(user, correlation(http));
		return ResponseEntity.noContent().build();
	}

	private static String correlation(HttpServletRequest http) {
		String given = http.getHeader(SubmissionAuditFilter.CORRELATION_ID);
		return (given != null && given.length() <= 64) ? given : UUID.randomUUID().toString();
	}

}
