package org.vigil.gateway.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.notification.NotificationRule;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.directory.DirectoryEditor;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.NetworkUnavailable;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.Roles;
import org.vigil.gateway.security.VigilUser;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DirectMessage;
import org.vigil.protocol.Urgency;

/**
 * {@code /api/v1/me/contacts}: the signed-in officer's own contact methods. Adding one
 * leaves it unverified; a code sent to it by the notifier and typed back verifies it;
 * only then is it used to page them, or for a test message. Every change goes through
 * {@link DirectoryEditor#changeOwnContacts} (the directory topic, audited) and touches
 * nothing but the caller's own methods. Under {@code /rules} someone the network pages
 * (an officer or supervisor of the Party) sets their own notification rules
 * ({@link OwnRules}) or goes back to their roles' defaults, through
 * {@link DirectoryEditor#changeOwnNotifications}.
 */
@Tag(name = "My contact methods", description = "An officer's own e-mail, SMS and voice addresses")
@RestController
@RequestMapping("/api/v1/me/contacts")
class MyContactsController {

	private static final Duration PUBLISH_WITHIN = Duration.ofSeconds(10);

	/** A test message is worth a few minutes; after that the officer asks again. */
	private static final Duration TEST_VALIDITY = Duration.ofMinutes(5);

	private final DirectoryView directory;

	private final DirectoryEditor editor;

	private final VerificationCodes codes;

	private final DirectFates fates;

	private final KafkaTemplate<String, byte[]> kafka;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MyContactsController(DirectoryView directory, DirectoryEditor editor, VerificationCodes codes, DirectFates fates,
			KafkaTemplate<String, byte[]> kafka, Clock clock) {
		this.directory = directory;
		this.editor = editor;
		this.codes = codes;
		this.fates = fates;
		this.kafka = kafka;
		this.clock = clock;
	}

	/**
	 * One of the officer's methods.
	 *
	 * @param channel EMAIL, SMS, VOICE or PUSH
	 * @param address the mailbox, number or push endpoint
	 * @param verified whether it is used to page them
	 * @param verifiedAt when it was verified; null while unverified
	 */
	record Method(ContactChannel channel, String address, boolean verified, Instant verifiedAt) {
	}

	/**
	 * The officer's methods and rules.
	 *
	 * @param methods their contact methods
	 * @param rules per urgency, the channels that page them and after how long (ISO 8601
	 * durations); their own or their roles' defaults
	 * @param ownRules whether the rules are their own rather than the defaults
	 */
	record MyContacts(List<Method> methods, Map<Urgency, List<NotificationRule>> rules, boolean ownRules) {
	}

	/**
	 * A method named in a request body.
	 *
	 * @param channel EMAIL, SMS or VOICE
	 * @param address the mailbox or E.164 number
	 */
	record MethodRef(ContactChannel channel, String address) {
	}

	/**
	 * A code typed back.
	 *
	 * @param channel the method's channel
	 * @param address the method's address
	 * @param code the six digits received
	 */
	record Confirmation(ContactChannel channel, String address, String code) {
	}

	/**
	 * A code or test message asked for.
	 *
	 * @param id the message's id: {@code GET /api/v1/me/contacts/messages?id=} shows its
	 * fate
	 * @param expiresAt when the code (or the test) expires
	 */
	record Asked(String id, Instant expiresAt) {
	}

	@Operation(summary = "My contact methods, verified or not, and my notification rules")
	@GetMapping
	MyContacts mine(@AuthenticationPrincipal VigilUser user) {
		Officer officer = officer(user);
		return view(officer);
	}

	@Operation(summary = "Add a contact method (unverified until a code sent to it is typed back)")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	MyContacts add(@AuthenticationPrincipal VigilUser user, @RequestBody MethodRef body) {
		officer(user);
		ContactMethod added = method(body);
		this.editor.changeOwnContacts(user, (contacts) -> {
			if (contacts.stream().anyMatch((c) -> same(c, added))) {
				return contacts;
			}
			List<ContactMethod> after = new ArrayList<>(contacts);
			after.add(added);
			return after;
		}, "ADD_CONTACT_METHOD", added.channel() + " added, unverified", added.address(), correlation());
		return view(officer(user));
	}

	@Operation(summary = "Remove one of my contact methods")
	@DeleteMapping
	MyContacts remove(@AuthenticationPrincipal VigilUser user, @RequestParam ContactChannel channel,
			@RequestParam String address) {
		find(officer(user), channel, address);
		this.editor.changeOwnContacts(user,
				(contacts) -> contacts.stream()
					.filter((c) -> !(c.channel() == channel && c.address().equals(address)))
					.toList(),
				"REMOVE_CONTACT_METHOD", channel + " removed", address, correlation());
		return view(officer(user));
	}

	@Operation(summary = "Send a verification code to one of my methods (at most one a minute)")
	@PostMapping("/code")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Asked sendCode(@AuthenticationPrincipal VigilUser user, @RequestBody MethodRef body) {
		ContactMethod method = find(officer(user), body.channel(), body.address());
		requireSendable(method);
		String methodKey = methodKey(method);
		if (!this.codes.claimSend(user.id(), methodKey)) {
			throw new Refused(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Wait a minute",
					"A code was sent there less than a minute ago; use it, or ask again in a minute");
		}
		Instant now = this.clock.instant();
		VerificationCode.Issued issued = VerificationCode.issue(this.random, now);
		this.codes.store(user.id(), methodKey, issued.stored(), now);
		String text = (method.channel() == ContactChannel.VOICE)
				? "Your Vigil code is " + String.join(" ", issued.code().split("")) + ". Again: "
						+ String.join(" ", issued.code().split("")) + "."
				: "Your Vigil code is " + issued.code() + ". It expires in " + VerificationCode.VALIDITY.toMinutes()
						+ " minutes. If you did not ask for it, ignore it.";
		return publish(user.id(), method, DirectMessage.Purpose.VERIFICATION_CODE, text, now,
				issued.stored().expiresAt());
	}

	@Operation(summary = "Type back a code: the method becomes verified")
	@PostMapping("/verify")
	MyContacts verify(@AuthenticationPrincipal VigilUser user, @RequestBody Confirmation body) {
		ContactMethod method = find(officer(user), body.channel(), body.address());
		Instant now = this.clock.instant();
		switch (this.codes.check(user.id(), methodKey(method), body.code(), now)) {
			case MATCH -> {
				// verified below
			}
			case WRONG -> throw InvalidFields.of("code", "is not the code sent to " + method.address());
			case EXPIRED -> throw new Refused(HttpStatus.CONFLICT, ProblemTypes.REQUEST_STATE, "No valid code",
					"No code for " + method.address() + " is valid any more; ask for a new one");
			case NO_TRIES_LEFT -> throw new Refused(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
					"Too many tries", "That code allowed " + VerificationCode.ATTEMPTS + " tries; ask for a new one");
		}
		this.editor.changeOwnContacts(user,
				(contacts) -> contacts.stream()
					.map((c) -> same(c, method) ? new ContactMethod(c.channel(), c.address(), now) : c)
					.toList(),
				"VERIFY_CONTACT_METHOD", method.channel() + " verified by a code sent to it", method.address(),
				correlation());
		return view(officer(user));
	}

	@Operation(summary = "Send a test message through one of my verified methods")
	@PostMapping("/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Asked test(@AuthenticationPrincipal VigilUser user, @RequestBody MethodRef body) {
		ContactMethod method = find(officer(user), body.channel(), body.address());
		requireSendable(method);
		if (!method.verified()) {
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.REQUEST_STATE, "Not verified",
					"Verify " + method.address() + " with a code first");
		}
		Instant now = this.clock.instant();
		return publish(user.id(), method, DirectMessage.Purpose.TEST,
				"This is a test message from Vigil, sent because you asked for one. Pages reach you here.", now,
				now.plus(TEST_VALIDITY));
	}

	@Operation(
			summary = "Set my own notification rules for every urgency (channels I have verified, delays up to an hour)")
	@PreAuthorize(Roles.OFFICER)
	@PutMapping("/rules")
	MyContacts setRules(@AuthenticationPrincipal VigilUser user, @RequestBody(required = false) OwnRules.Body body) {
		officer(user);
		Map<Urgency, List<NotificationRule>> asked = OwnRules.parse(body);
		// The verified methods are checked under the edit lock, against the entry as it
		// is then: a method removed meanwhile must not leave a rule that pages nowhere.
		return view(this.editor.changeOwnNotifications(user, (current) -> OwnRules.requireReachable(asked, current),
				"CHANGE_NOTIFICATION_RULES", correlation()));
	}

	@Operation(summary = "Go back to my roles' default notification rules")
	@PreAuthorize(Roles.OFFICER)
	@DeleteMapping("/rules")
	MyContacts resetRules(@AuthenticationPrincipal VigilUser user) {
		officer(user);
		return view(
				this.editor.changeOwnNotifications(user, (current) -> null, "RESET_NOTIFICATION_RULES", correlation()));
	}

	@Operation(summary = "What became of a code or test message I asked for")
	@GetMapping("/messages")
	DirectFates.Fate fate(@AuthenticationPrincipal VigilUser user, @RequestParam String id) {
		officer(user);
		return this.fates.find(id, user.id())
			.orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
					"No message " + id + " of yours is known (they are kept seven days)"));
	}

	private Asked publish(OfficerId officer, ContactMethod method, DirectMessage.Purpose purpose, String text,
			Instant now, Instant expiresAt) {
		String id = UUID.randomUUID().toString().replace("-", "");
		DirectMessage message = new DirectMessage(id, officer, method.channel(), method.address(), purpose, text, now,
				expiresAt);
		// Before the command: the notifier's answer must find whom it is for.
		this.fates.asked(id, officer);
		try {
			this.kafka.send(Topics.NOTIFIER_COMMANDS, officer.value(), WireJson.write(message))
				.get(PUBLISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new NetworkUnavailable("The notifier's command topic did not take the message", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NetworkUnavailable("Interrupted while asking for the message", ex);
		}
		return new Asked(id, expiresAt);
	}

	private Officer officer(VigilUser user) {
		return user.country()
			.flatMap(this.directory::contactPoint)
			.flatMap((cp) -> cp.officers().stream().filter((o) -> o.id().equals(user.id())).findFirst())
			.orElseThrow(
					() -> new NotAllowed("Only an officer listed in a Party's contact point has contact methods here"));
	}

	private static MyContacts view(Officer officer) {
		return new MyContacts(officer.contacts()
			.stream()
			.map((c) -> new Method(c.channel(), c.address(), c.verified(), c.verifiedAt()))
			.toList(), officer.effectiveNotifications().byUrgency(), officer.notifications() != null);
	}

	private static ContactMethod method(MethodRef body) {
		if (body == null || body.channel() == null || body.address() == null) {
			throw InvalidFields.of("channel", "and address are required");
		}
		if (body.channel() == ContactChannel.PUSH) {
			throw InvalidFields.of("channel", "push subscriptions are added by the browser, not here");
		}
		try {
			return new ContactMethod(body.channel(), body.address().trim(), null);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("address", ex.getMessage());
		}
	}

	private static ContactMethod find(Officer officer, ContactChannel channel, String address) {
		if (channel == null || address == null) {
			throw InvalidFields.of("channel", "and address are required");
		}
		return officer.contacts()
			.stream()
			.filter((c) -> c.channel() == channel && c.address().equals(address.trim()))
			.findFirst()
			.orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
					"You have no " + channel.words() + " address " + address));
	}

	private static void requireSendable(ContactMethod method) {
		if (method.channel() == ContactChannel.PUSH) {
			throw InvalidFields.of("channel", "push is not sent through here");
		}
	}

	private static boolean same(ContactMethod a, ContactMethod b) {
		return a.channel() == b.channel() && a.address().equals(b.address());
	}

	/** Names a method in Redis keys without writing its address there. */
	private static String methodKey(ContactMethod method) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((method.channel() + ":" + method.address()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JVM has no SHA-256", ex);
		}
	}

	private static String correlation() {
		return UUID.randomUUID().toString();
	}

}
