package org.vigil.directory.notification;

import java.time.Duration;
import java.util.Objects;

import org.vigil.protocol.notification.ContactChannel;

/**
 * Send by {@code channel}, {@code after} the officer was paged.
 *
 * @param channel how
 * @param after how long after the page; zero for at once
 */
public record NotificationRule(ContactChannel channel, Duration after) {

	public NotificationRule {
		Objects.requireNonNull(channel, "channel");
		after = (after != null) ? after : Duration.ZERO;
		if (channel == ContactChannel.CONSOLE) {
			throw new IllegalArgumentException("the console is always alerted; it needs no rule");
		}
		if (after.isNegative()) {
			throw new IllegalArgumentException("a rule cannot send before the page");
		}
	}

	public static NotificationRule now(ContactChannel channel) {
		return new NotificationRule(channel, Duration.ZERO);
	}

	public static NotificationRule after(ContactChannel channel, Duration after) {
		return new NotificationRule(channel, after);
	}

}
