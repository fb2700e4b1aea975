package org.vigil.directory.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.vigil.protocol.notification.ContactChannel;

/**
 * One way to reach an officer. Only a verified method is ever used to page: an address
 * typed wrong must not swallow a page at 3 a.m.
 *
 * @param channel e-mail, SMS, voice or push (never the console, which needs no address)
 * @param address a mailbox for e-mail; an E.164 number ({@code +} and 8 to 15 digits) for
 * SMS and voice; the push subscription's endpoint for push
 * @param verifiedAt when the officer proved it reaches them (a code sent to it, or an
 * administrator's check recorded in the directory); null while unverified
 * @param push the Web Push subscription's keys, required for push and absent for every
 * other channel; entries written before push read without it (and a push method without
 * keys is never used)
 */
public record ContactMethod(ContactChannel channel, String address, Instant verifiedAt, PushKeys push) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Loopback over plain HTTP, which browsers count as secure: a local push service. */
	private static final Pattern LOOPBACK = Pattern.compile("http://(127\\.0\\.0\\.1|localhost)(:[0-9]{1,5})?/.*");

	public ContactMethod {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(address, "address");
		switch (channel) {
			case CONSOLE -> throw new IllegalArgumentException("the console is not a contact method");
			case EMAIL -> require(MAILBOX.matcher(address).matches(), "an e-mail address", address);
			case SMS, VOICE -> require(E164.matcher(address).matches(), "an E.164 phone number", address);
			case PUSH -> require(address.startsWith("https://") || LOOPBACK.matcher(address).matches(),
					"an https push endpoint", address);
		}
		if (push != null && channel != ContactChannel.PUSH) {
			throw new IllegalArgumentException("only a push method has push keys, not " + channel);
		}
	}

	/** A method without push keys (every channel but push). */
	public ContactMethod(ContactChannel channel, String address, Instant verifiedAt) {
		this(channel, address, verifiedAt, null);
	}

	/**
	 * Whether it can be used to page: verified, and for push, with the subscription's
	 * keys.
	 */
	public boolean verified() {
		return this.verifiedAt != null && (this.channel != ContactChannel.PUSH || this.push != null);
	}

	private static void require(boolean ok, String what, String address) {
		if (!ok) {
			throw new IllegalArgumentException("'" + address + "' is not " + what);
		}
	}

}
