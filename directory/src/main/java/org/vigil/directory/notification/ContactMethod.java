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
 */
public record ContactMethod(ContactChannel channel, String address, Instant verifiedAt) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public ContactMethod {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(address, "address");
		switch (channel) {
			case CONSOLE -> throw new IllegalArgumentException("the console is not a contact method");
			case EMAIL -> require(MAILBOX.matcher(address).matches(), "an e-mail address", address);
			case SMS, VOICE -> require(E164.matcher(address).matches(), "an E.164 phone number", address);
			case PUSH -> require(address.startsWith("https://"), "an https push endpoint", address);
		}
	}

	public boolean verified() {
		return this.verifiedAt != null;
	}

	private static void require(boolean ok, String what, String address) {
		if (!ok) {
			throw new IllegalArgumentException("'" + address + "' is not " + what);
		}
	}

}
