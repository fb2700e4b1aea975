package org.vigil.notifier.channel;

/**
 * What a provider said to a message.
 *
 * @param accepted whether it took it
 * @param detail the provider's reference when accepted, why not otherwise
 */
public record SendOutcome(boolean accepted, String detail) {

	public static SendOutcome accepted(String reference) {
		return new SendOutcome(true, reference);
	}

	public static SendOutcome failed(String why) {
		return new SendOutcome(false, why);
	}

}
