package org.vigil.gateway.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.protocol.CountryCode;

/**
 * Starts one drill per Party per {@link DrillProperties#every() period}. The Parties, in
 * country-code order, are staggered evenly over the period, so that the drills do not all
 * page at once; Party {@code i} of {@code n} is due at {@code k * every + i * every / n}
 * (from the epoch) for every whole {@code k}.
 *
 * <p>
 * Every gateway instance looks, every {@link DrillProperties#check()}, for drills that
 * fell due since it last looked (or since it started: enabling the schedule does not fire
 * a burst of drills); the first instance to take that Party's and period's key in Redis
 * starts it, so one drill is started however many instances run. A drill that fell due
 * while no instance was running is not made up for.
 */
public class DrillScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DrillScheduler.class);

	private final Drills drills;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final DrillProperties properties;

	private Instant lastLook;

	private ScheduledExecutorService timer;

	public DrillScheduler(Drills drills, StringRedisTemplate redis, Clock clock, DrillProperties properties) {
		this.drills = drills;
		this.redis = redis;
		this.clock = clock;
		this.properties = properties;
		this.lastLook = clock.instant();
	}

	/**
	 * Starts the drills that fell due since the last look and that no other instance
	 * started.
	 * @return the drills this instance started
	 */
	public synchronized List<Drills.Started> startDue() {
		Duration every = this.properties.every();
		Instant now = this.clock.instant();
		List<Drills.Started> started = new ArrayList<>();
		if (every == null) {
			return started;
		}
		List<CountryCode> parties = this.drills.everyParty();
		long period = every.toMillis();
		for (int i = 0; i < parties.size(); i++) {
			CountryCode party = parties.get(i);
			long offset = period * i / parties.size();
			long k = Math.floorDiv(now.toEpochMilli() - offset, period);
			Instant due = Instant.ofEpochMilli(k * period + offset);
			if (!due.isAfter(this.lastLook)) {
				continue;
			}
			String key = GatewayKeys.drillDue(party, k);
			if (!Boolean.TRUE
				.equals(this.redis.opsForValue().setIfAbsent(key, due.toString(), every.multipliedBy(2)))) {
				continue;
			}
			try {
				started.addAll(this.drills.start(List.of(party), this.properties.urgency()));
			}
			catch (RuntimeException ex) {
				// Released, so that an instance that has not looked yet may start it;
				// this instance will not try this period again.
				this.redis.delete(key);
				log.warn("The scheduled drill of {} due at {} could not start: {}", party, due, ex.getMessage());
			}
		}
		this.lastLook = now;
		return started;
	}

	@Override
	public synchronized void start() {
		if (this.properties.every() == null || this.timer != null) {
			return;
		}
		this.lastLook = this.clock.instant();
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "vigil-drills");
			thread.setDaemon(true);
			return thread;
		});
		long check = this.properties.check().toMillis();
		this.timer.scheduleWithFixedDelay(this::look, check, check, TimeUnit.MILLISECONDS);
	}

	private void look() {
		try {
			startDue().forEach((drill) -> log.info("Scheduled drill {} of {}", drill.requestId(), drill.country()));
		}
		catch (RuntimeException ex) {
			log.warn("Looking for due drills failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
