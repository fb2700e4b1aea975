package org.vigil.directory.party;

import java.util.Objects;

/**
 * One way to reach a contact point or an authority outside Vigil: reference data that an
 * officer abroad may use when Vigil itself cannot be used.
 *
 * @param kind phone or e-mail
 * @param address the number in E.164 form, or the e-mail address
 * @param note what it is for, e.g. "duty officer, 24/7"; may be empty, never null
 */
public record Channel(ChannelKind kind, String address, String note) {

	public Channel {
		Objects.requireNonNull(kind, "kind");
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("a channel has an address");
		}
		if (kind == ChannelKind.PHONE && !address.matches("\\+[0-9]{6,15}")) {
			throw new IllegalArgumentException("a phone number is in E.164 form, e.g. +33100000000: " + address);
		}
		if (kind == ChannelKind.EMAIL && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IllegalArgumentException("not an e-mail address: " + address);
		}
		note = (note != null) ? note : "";
	}

	/** The kinds of channel the directory records. */
	public enum ChannelKind {

		PHONE, EMAIL

	}

}
