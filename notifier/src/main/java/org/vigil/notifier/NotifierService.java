package org.vigil.notifier;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.vigil.notifier.alerting.EventConsumer;
import org.vigil.notifier.alerting.IndexRebuild;
import org.vigil.notifier.sending.Sender;

/**
 * Runs the notifier's threads: the event consumer that plans messages, the tick that
 * sends what is due, and the pool the sends run on. Stopping it lets sends in progress
 * finish for a few seconds; one that does not is sent again by the next instance when its
 * lease runs out.
 */
public class NotifierService implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotifierService.class);

	private final IndexRebuild rebuild;

	private final EventConsumer consumer;

	private final Sender sender;

	private final ExecutorService pool;

	private final Duration tick;

	private ScheduledExecutorService ticker;

	private Thread consumerThread;

	private volatile boolean running;

	public NotifierService(IndexRebuild rebuild, EventConsumer consumer, Sender sender, ExecutorService pool,
			Duration tick) {
		this.rebuild = rebuild;
		this.consumer = consumer;
		this.sender = sender;
		this.pool = pool;
		this.tick = tick;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		// Before anything is sent: a Redis without the index (new, or lost) is filled
		// from
		// Kafka first.
		this.rebuild.runIfNeeded();
		this.consumerThread = new Thread(this.consumer, "notifier-events");
		this.consumerThread.setDaemon(true);
		this.consumerThread.start();
		this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "notifier-tick");
			thread.setDaemon(true);
			return thread;
		});
		this.ticker.scheduleWithFixedDelay(this::tick, 0, this.tick.toMillis(), TimeUnit.MILLISECONDS);
		this.running = true;
	}

	private void tick() {
		try {
			this.sender.tick();
		}
		catch (RuntimeException ex) {
			// Redis away: try again next tick; nothing was claimed, or its lease runs
			// out.
			log.warn("Notifier tick failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.consumer.stop();
		if (this.ticker != null) {
			this.ticker.shutdownNow();
		}
		this.pool.shutdown();
		try {
			this.pool.awaitTermination(5, TimeUnit.SECONDS);
			if (this.consumerThread != null) {
				this.consumerThread.join(Duration.ofSeconds(10).toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
