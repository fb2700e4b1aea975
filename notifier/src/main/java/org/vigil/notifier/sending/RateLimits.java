package org.vigil.notifier.sending;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.vigil.notifier.plan.Priority;
import org.vigil.protocol.notification.ContactChannel;

/**
 * A token bucket per channel (per provider), with room kept for first pages: a re-page or
 * status message takes a token only while more than half the bucket is left, so that
 * however much of that traffic there is, a first page finds a token at once. One
 * instance's limits; several notifier instances each keep their own. Measured on a
 * monotonic clock in real time, not the network's {@code Clock}: a provider's limit is
 * about how fast requests really reach it.
 */
public class RateLimits {

	private final LongSupplier nanos;

	private final Map<ContactChannel, Bucket> buckets = new EnumMap<>(ContactChannel.class);

	/**
	 * @param nanos a monotonic clock in nanoseconds, such as {@code System::nanoTime}
	 */
	public RateLimits(LongSupplier nanos) {
		this.nanos = nanos;
	}

	/** Limits a channel to {@code perSecond} sustained, {@code burst} at once. */
	public RateLimits limit(ContactChannel channel, double perSecond, int burst) {
		if (perSecond <= 0 || burst < 1) {
			throw new IllegalArgumentException("a rate limit is positive");
		}
		this.buckets.put(channel, new Bucket(perSecond, burst, millis()));
		return this;
	}

	/**
	 * Takes a token for a message, if the channel has room for its priority; a channel
	 * without a limit always has.
	 */
	public synchronized boolean tryAcquire(ContactChannel channel, Priority priority) {
		Bucket bucket = this.buckets.get(channel);
		if (bucket == null) {
			return true;
		}
		bucket.refill(millis());
		double needed = (priority == Priority.FIRST_PAGE) ? 1 : 1 + bucket.burst / 2.0;
		if (bucket.tokens < needed) {
			return false;
		}
		bucket.tokens -= 1;
		return true;
	}

	private long millis() {
		return this.nanos.getAsLong() / 1_000_000;
	}

	/** How long until a channel has a token again, roughly: when to try again. */
	public Duration retryAfter(ContactChannel channel) {
		Bucket bucket = this.buckets.get(channel);
		return (bucket != null) ? Duration.ofMillis(Math.max(1, (long) Math.ceil(1000 / bucket.perSecond)))
				: Duration.ZERO;
	}

	private static final class Bucket {

		final double perSecond;

		final int burst;

		double tokens;

		long refilledAt;

		Bucket(double perSecond, int burst, long now) {
			this.perSecond = perSecond;
			this.burst = burst;
			this.tokens = burst;
			this.refilledAt = now;
		}

		void refill(long now) {
			if (now > this.refilledAt) {
				this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.perSecond / 1000.0);
				this.refilledAt = now;
			}
		}

	}

}
