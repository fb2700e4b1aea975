package org.vigil.notifier.crash;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.provider.ProviderSimulator;
import org.vigil.embedded.redis.RedisServer;
import org.vigil.notifier.DemoDirectory;
import org.vigil.notifier.NotifierKeys;
import org.vigil.notifier.NotifierProperties;
import org.vigil.notifier.alerting.AlertHandler;
import org.vigil.notifier.channel.HttpProviderChannel;
import org.vigil.notifier.plan.RulesSnapshots;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.notifier.queue.StoredDelivery;
import org.vigil.notifier.sending.RateLimits;
import org.vigil.notifier.sending.Sender;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.notification.AckTokens;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills a sender process (SIGKILL) after the SMS provider has the page and before the
 * sender has heard back: the page is not lost. A successor sends it again once the lease
 * runs out, with the same idempotency key; a duplicate, not silence.
 */
class NotifierCrashIT {

	private static final Duration LEASE = Duration.ofSeconds(10);

	@TempDir
	Path data;

	@Test
	void aSenderKilledMidSendLosesNoPage() throws Exception {
		try (RedisServer redisServer = RedisServer.start(this.data.resolve("redis"), FreePorts.pick());
				ProviderSimulator provider = ProviderSimulator.start(0, "unused-callback-token")) {
			LettuceConnectionFactory connections = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
			connections.afterPropertiesSet();
			StringRedisTemplate redis = new StringRedisTemplate(connections);
			NotifierKeys keys = new NotifierKeys("crash:");
			DeliveryQueue queue = new DeliveryQueue(redis, keys);
			MockProducer<String, byte[]> records = new MockProducer<>(true, null, new StringSerializer(),
					new ByteArraySerializer());
			DeliveryLog log = new DeliveryLog(records, Duration.ofSeconds(5));
			Clock clock = Clock.systemUTC();
			RequestId requestId = RequestId.of("req-crash-0001");
			DeliveryKey sms = new DeliveryKey(requestId, 1, 1, OfficerId.of("de.mueller"), ContactChannel.SMS);
			new AlertHandler(queue, log, DemoDirectory.VIEW, new RulesSnapshots(redis, keys, clock), clock,
					Set.of(ContactChannel.SMS))
				.handle(new OfficersAlerted(requestId, 2, clock.instant(), CountryCode.of("FR"), CountryCode.of("DE"),
						Urgency.EMERGENCY, 1, 1, List.of(OfficerId.of("de.mueller")), "test",
						clock.instant().plus(Duration.ofMinutes(10))));
			assertThat(queue.find(sms).map(StoredDelivery::status)).contains(DeliveryStatus.QUEUED);
			// The provider takes the request and holds it: the sender is mid-send.
			provider.behave(ProviderSimulator.Behaviour.HOLD);

			Process sender = startSender(redisServer.port(), "crash:", provider.url());
			try {
				await().atMost(Duration.ofSeconds(120))
					.failFast("the sender process exited", () -> !sender.isAlive())
					.until(() -> !provider.messages().isEmpty());
			}
			finally {
				sender.destroyForcibly();
			}
			assertThat(sender.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(queue.find(sms).map(StoredDelivery::status)).contains(DeliveryStatus.QUEUED);

			provider.behave(ProviderSimulator.Behaviour.SILENT);
			provider.releaseHeld();
			ExecutorService pool = Executors.newSingleThreadExecutor();
			try {
				Sender successor = new Sender(queue, log,
						Map.of(ContactChannel.SMS,
								new HttpProviderChannel(ContactChannel.SMS, provider.url(), "", "",
										NotifierProperties.Provider.DEFAULT_TEMPLATE, "", Duration.ofSeconds(10))),
						new RateLimits(System::nanoTime), DemoDirectory.VIEW, new AckTokens(new byte[32]),
						new Sender.Settings(LEASE, Duration.ofSeconds(60), 50, Duration.ofHours(12),
								"http://127.0.0.1:8080/ack", "http://127.0.0.1:8080/"),
						clock, pool);
				await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
					successor.tick();
					return queue.find(sms).map(StoredDelivery::status).orElseThrow() == DeliveryStatus.SENT;
				});
			}
			finally {
				pool.shutdownNow();
				connections.destroy();
			}
			// Sent again (at least once more), always as the same message.
			assertThat(provider.messagesTo("+99900004900")).hasSizeGreaterThanOrEqualTo(2)
				.extracting(ProviderSimulator.Message::idempotencyKey)
				.containsOnly(sms.value());
		}
	}

	private Process startSender(int redisPort, String prefix, URI provider) throws Exception {
		Path log = Path.of("target", "notifier-crash-sender.log");
		Files.createDirectories(log.getParent());
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), SenderProcess.class.getName(), Integer.toString(redisPort),
				prefix, provider.toString(), LEASE.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

}
