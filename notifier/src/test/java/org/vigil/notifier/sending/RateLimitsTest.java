package org.vigil.notifier.sending;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.vigil.notifier.plan.Priority;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {

	private final AtomicLong nanos = new AtomicLong();

	private final RateLimits limits = new RateLimits(this.nanos::get).limit(ContactChannel.SMS, 2, 10);

	@Test
	void repagesLeaveHalfTheBucketForFirstPages() {
		int repages = 0;
		while (this.limits.tryAcquire(ContactChannel.SMS, Priority.REPAGE)) {
			repages++;
		}
		int firstPages = 0;
		while (this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)) {
			firstPages++;
		}

		assertThat(repages).isEqualTo(5);
		assertThat(firstPages).isEqualTo(5);
	}

	@Test
	void statusTrafficNeverTakesTheLastTokensEvenWhenItFlowsForAMinute() {
		for (int second = 0; second < 60; second++) {
			this.nanos.addAndGet(1_000_000_000L);
			while (this.limits.tryAcquire(ContactChannel.SMS, Priority.STATUS)) {
				// drain what status traffic may take
			}
			assertThat(this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)).isTrue();
		}
	}

	@Test
	void tokensComeBackAtTheSustainedRate() {
		while (this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)) {
			// empty the bucket
		}
		assertThat(this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)).isFalse();

		this.nanos.addAndGet(500_000_000L);

		assertThat(this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)).isTrue();
		assertThat(this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)).isFalse();
	}

	@Test
	void aChannelWithoutALimitAlwaysHasRoom() {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.limits.tryAcquire(ContactChannel.EMAIL, Priority.STATUS)).isTrue();
		}
	}

}
