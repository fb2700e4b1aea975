package org.vigil.notifier.crash;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.notifier.DemoDirectory;
import org.vigil.notifier.NotifierKeys;
import org.vigil.notifier.NotifierProperties;
import org.vigil.notifier.channel.HttpProviderChannel;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.notifier.sending.RateLimits;
import org.vigil.notifier.sending.Sender;
import org.vigil.protocol.notification.AckTokens;
import org.vigil.protocol.notification.ContactChannel;

/**
 * A notifier's sender in a JVM of its own, for {@link NotifierCrashIT} to kill: it sends
 * what is due in the Redis queue to the SMS provider, ticking every 50 ms until killed.
 * The ticks are scheduled the way {@code NotifierService} schedules them: with a fixed
 * delay on a thread of their own, a failed tick logged and the next one tried. Arguments:
 * the Redis port, the key prefix, the provider's URL, the lease.
 */
public final class SenderProcess {

	private static final Logger log = LoggerFactory.getLogger(SenderProcess.class);

	private static final Duration TICK = Duration.ofMillis(50);

	private SenderProcess() {
	}

	public static void main(String[] args) throws ExecutionException {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", Integer.parseInt(args[0])));
		connections.afterPropertiesSet();
		StringRedisTemplate redis = new StringRedisTemplate(connections);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Sender sender = new Sender(new DeliveryQueue(redis, new NotifierKeys(args[1])),
				new DeliveryLog(new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()),
						Duration.ofSeconds(5)),
				Map.of(ContactChannel.SMS,
						new HttpProviderChannel(ContactChannel.SMS, URI.create(args[2]), "", "",
								NotifierProperties.Provider.DEFAULT_TEMPLATE, "", Duration.ofSeconds(60))),
				new RateLimits(System::nanoTime), DemoDirectory.VIEW, new AckTokens(new byte[32]),
				new Sender.Settings(Duration.parse(args[3]), Duration.ofSeconds(60), 50, Duration.ofHours(12),
						"http://127.0.0.1:8080/ack", "http://127.0.0.1:8080/"),
				Clock.systemUTC(), pool);
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "notifier-tick");
			thread.setDaemon(true);
			return thread;
		});
		ScheduledFuture<?> ticks = ticker.scheduleWithFixedDelay(() -> tick(sender), 0, TICK.toMillis(),
				TimeUnit.MILLISECONDS);
		System.out.println("sender started");
		try {
			// Never completes normally: the ticks go on until the test kills this JVM.
			ticks.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			// So the JVM ends if main does: the send pool's threads are not daemons.
			ticker.shutdownNow();
			pool.shutdownNow();
			connections.destroy();
		}
	}

	private static void tick(Sender sender) {
		try {
			sender.tick();
		}
		catch (RuntimeException ex) {
			// As in NotifierService: Redis away, so try again next tick; nothing was
			// claimed, or its lease runs out.
			log.warn("Sender tick failed: {}", ex.toString());
		}
	}

}
