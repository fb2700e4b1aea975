package org.vigil.protocol.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.vigil.protocol.OfficerId;

/**
 * A message that belongs to no request, asked of the notifier by the gateway on
 * {@code vigil.notifier.commands}: a verification code for a contact method an officer
 * added, or a test message through one they verified. It is sent at once (status
 * priority) to the address it names, which need not be verified yet: proving that it
 * reaches the officer is the point.
 *
 * @param id the message's id, unique; also its idempotency key and the reference a
 * provider's receipt names ({@link #reference()})
 * @param officer whose contact method it is
 * @param channel e-mail, SMS or voice
 * @param address the mailbox or number to send to
 * @param purpose why it is sent
 * @param text what to send; for a code, the code is in it
 * @param requestedAt when the gateway asked, by its clock
 * @param expiresAt not to be sent after this (a code that has expired is no use)
 */
public record DirectMessage(String id, OfficerId officer, ContactChannel channel, String address, Purpose purpose,
		String text, Instant requestedAt, Instant expiresAt) {

	/** Ids are short and never hold a '/', so that a reference splits cleanly. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	/** The prefix of a direct message's reference, which a delivery key never has. */
	public static final String REFERENCE_PREFIX = "direct/";

	/** Why a direct message is sent. */
	public enum Purpose {

		/** A code the officer types back to verify the address. */
		VERIFICATION_CODE,

		/** A message the officer asked for to see that a verified address still works. */
		TEST

	}

	public DirectMessage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("not a direct message id: " + id);
		}
		if (channel == ContactChannel.CONSOLE) {
			throw new IllegalArgumentException("the console is not a contact method");
		}
	}

	/**
	 * {@code direct/<officer>/<id>}: what providers get as idempotency key and reference.
	 */
	public String reference() {
		return REFERENCE_PREFIX + this.officer.value() + "/" + this.id;
	}

}
