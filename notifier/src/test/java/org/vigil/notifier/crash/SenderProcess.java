package org.vigil.notifier.crash;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

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
 * Arguments: the Redis port, the key prefix, the provider's URL, the lease.
 */
public final class SenderProcess {

	private SenderProcess() {
	}

	public static void main(String[] args) {
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
		System.out.println("sender started");
		while (true) {
			sender.tick();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
