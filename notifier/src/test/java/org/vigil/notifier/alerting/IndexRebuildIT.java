package org.vigil.notifier.alerting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.embedded.redis.RedisServer;
import org.vigil.notifier.DemoDirectory;
import org.vigil.notifier.NotifierKeys;
import org.vigil.notifier.plan.RulesSnapshots;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.notifier.queue.StoredDelivery;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DeliveryUpdate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost Redis: the notifier's index is rebuilt from {@code vigil.events} and
 * {@code vigil.notifications} on a real broker. What was sent is not sent again, what was
 * still to come is, and an acknowledged request pages nobody.
 */
class IndexRebuildIT {

	@TempDir
	Path data;

	private static final OfficerId MUELLER = OfficerId.of("de.mueller");

	@Test
	void aLostIndexIsRebuiltFromKafkaWithoutSendingTwiceWhatWasSent() throws Exception {
		try (KafkaBroker kafka = KafkaBroker.start(this.data.resolve("kafka"), 0);
				RedisServer redisServer = RedisServer.start(this.data.resolve("redis"), FreePorts.pick())) {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
				admin
					.createTopics(List.of(new NewTopic(Topics.EVENTS, 2, (short) 1),
							new NewTopic(Topics.NOTIFICATIONS, 2, (short) 1)))
					.all()
					.get();
			}
			Clock clock = Clock.systemUTC();
			Instant now = clock.instant();
			RequestId open = RequestId.of("req-rebuild-open");
			RequestId acknowledged = RequestId.of("req-rebuild-acked");
			DeliveryKey sentSms = new DeliveryKey(open, 1, 1, MUELLER, ContactChannel.SMS);
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
					new ByteArraySerializer())) {
				event(producer, alert(open, now));
				event(producer, alert(acknowledged, now));
				event(producer, new RequestAcknowledged(acknowledged, 3, now, MUELLER, 1, true, false, null,
						ContactChannel.CONSOLE));
				producer
					.send(new ProducerRecord<>(Topics.NOTIFICATIONS, open.value(),
							WireJson.write(
									new DeliveryUpdate(open, sentSms, DeliveryStatus.SENT, now, now, 2, "accepted"))))
					.get();
			}
			LettuceConnectionFactory connections = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
			connections.afterPropertiesSet();
			try {
				StringRedisTemplate redis = new StringRedisTemplate(connections);
				NotifierKeys keys = new NotifierKeys("rebuild:");
				DeliveryQueue queue = new DeliveryQueue(redis, keys);
				KafkaProducer<String, byte[]> records = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
						new StringSerializer(), new ByteArraySerializer());
				AlertHandler handler = new AlertHandler(queue, new DeliveryLog(records, Duration.ofSeconds(10)),
						DemoDirectory.VIEW, new RulesSnapshots(redis, keys, clock), clock,
						Set.of(ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.VOICE));
				IndexRebuild rebuild = new IndexRebuild(kafka.bootstrapServers(), handler, queue, clock);

				assertThat(rebuild.runIfNeeded()).isTrue();

				assertThat(status(queue, sentSms)).isEqualTo(DeliveryStatus.SENT);
				assertThat(status(queue, new DeliveryKey(open, 1, 1, MUELLER, ContactChannel.EMAIL)))
					.isEqualTo(DeliveryStatus.QUEUED);
				assertThat(status(queue, new DeliveryKey(open, 1, 1, MUELLER, ContactChannel.VOICE)))
					.isEqualTo(DeliveryStatus.QUEUED);
				assertThat(queue.ofRequest(acknowledged)).isNotEmpty()
					.allSatisfy((key) -> assertThat(status(queue, key)).isEqualTo(DeliveryStatus.CANCELLED));
				// Only the e-mail is due now: the text was sent, the call comes later.
				assertThat(queue.claim(now.plusSeconds(1), Duration.ofSeconds(30), 10))
					.containsExactly(new DeliveryKey(open, 1, 1, MUELLER, ContactChannel.EMAIL));
				assertThat(rebuild.runIfNeeded()).as("built already").isFalse();
				records.close();
			}
			finally {
				connections.destroy();
			}
		}
	}

	private static DeliveryStatus status(DeliveryQueue queue, DeliveryKey key) {
		return queue.find(key).map(StoredDelivery::status).orElseThrow();
	}

	private static OfficersAlerted alert(RequestId requestId, Instant now) {
		return new OfficersAlerted(requestId, 2, now, CountryCode.of("FR"), CountryCode.of("DE"), Urgency.EMERGENCY, 1,
				1, List.of(MUELLER), "test", now.plus(Duration.ofMinutes(10)));
	}

	private static void event(KafkaProducer<String, byte[]> producer, RequestEvent event) throws Exception {
		producer.send(new ProducerRecord<>(Topics.EVENTS, event.requestId().value(), WireJson.write(event))).get();
	}

}
