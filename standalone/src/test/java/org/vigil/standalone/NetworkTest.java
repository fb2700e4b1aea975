package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;

import static org.awaitility.Awaitility.await;

/**
 * The whole network in one application context on a real Kafka broker (KRaft) and a real
 * redis-server, for the integration and browser tests of this module. Every subclass
 * shares one context, so there is one dispatcher and one clock: two contexts would split
 * the partitions between two dispatchers with different clocks.
 */
@SpringBootTest(classes = { StandaloneApplication.class, NetworkTest.Clocks.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "vigil.gateway.demo-password=" + NetworkTest.PASSWORD,
				"vigil.dispatcher.tick=20ms", "vigil.dispatcher.commit-interval=20ms",
				// The test clock stands still between advances, so every call of a run
				// falls in
				// one "minute"; RateLimitFilterTest checks the limit itself.
				"vigil.gateway.requests-per-minute=1000000",
				// MetricsIT waits for the consumer lag to be measured.
				"vigil.metrics.lag-interval=1s" })
abstract class NetworkTest {

	static final String PASSWORD = "network-test";

	/** Encrypts the TOTP secrets the tests enrol. */
	static final String TOTP_KEY = "dGVzdHMgZW5jcnlwdCB0b3RwIHNlY3JldHMgd2l0aCA=";

	/** 03:00 in Paris and Berlin: the hour the network exists for. */
	static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = Infrastructure.get();
		registry.add("spring.kafka.bootstrap-servers", infrastructure.kafka::bootstrapServers);
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", infrastructure.redis::port);
		registry.add("vigil.gateway.pki-dir", () -> infrastructure.pkiLayout.root().toString());
		registry.add("vigil.gateway.pki-password", () -> Infrastructure.PKI_PASSWORD);
		registry.add("vigil.directory.pki-dir", () -> infrastructure.pkiLayout.root().toString());
		registry.add("vigil.directory.pki-password", () -> Infrastructure.PKI_PASSWORD);
		registry.add("vigil.audit.key-dir", () -> infrastructure.auditKeyDir.toString());
		registry.add("vigil.gateway.mtls.port", () -> infrastructure.mtlsPort);
		registry.add("vigil.gateway.totp.encryption-key", () -> TOTP_KEY);
		// The notifier, with the officers' mailboxes on GreenMail and their phones on the
		// simulated providers.
		registry.add("vigil.notifier.enabled", () -> "true");
		registry.add("vigil.notifier.link-key", () -> Infrastructure.LINK_KEY);
		registry.add("vigil.gateway.ack-link-key", () -> Infrastructure.LINK_KEY);
		registry.add("vigil.notifier.tick", () -> "50ms");
		registry.add("vigil.notifier.callback-token", () -> Infrastructure.CALLBACK_TOKEN);
		registry.add("vigil.notifier.mail.host", () -> "127.0.0.1");
		registry.add("vigil.notifier.mail.port", () -> infrastructure.mail.getSmtp().getPort());
		registry.add("vigil.notifier.mail.security", () -> "STARTTLS_OPTIONAL");
		registry.add("vigil.notifier.sms.url", () -> infrastructure.sms.url().toString());
		registry.add("vigil.notifier.voice.url", () -> infrastructure.voice.url().toString());
		// Push to browsers subscribed at the simulated push service, on loopback.
		registry.add("vigil.notifier.push.vapid-public-key", () -> Infrastructure.VAPID[0]);
		registry.add("vigil.notifier.push.vapid-private-key", () -> Infrastructure.VAPID[1]);
		registry.add("vigil.notifier.push.allow-loopback", () -> "true");
		registry.add("vigil.gateway.push-public-key", () -> Infrastructure.VAPID[0]);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			TestClock clock = new TestClock(START);
			SecondFactor.clock(clock);
			return clock;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	SimpUserRegistry subscriptions;

	@Autowired
	StringRedisTemplate redis;

	/** Who the demo directory pages for a step of a country's ladder, now. */
	OfficerId onCall(String country, StepTarget target) {
		ContactPoint contactPoint = SeedDirectory.demo()
			.contactPoints()
			.stream()
			.filter((candidate) -> candidate.country().equals(CountryCode.of(country)))
			.findFirst()
			.orElseThrow();
		return OnCall.page(contactPoint, target, this.clock.instant()).orElseThrow().officers().get(0);
	}

	/** How long a frame may take to reach a console through Kafka and Redis. */
	static final Duration ALERT_WITHIN = Duration.ofSeconds(20);

	/** The next frame about a request on a console's STOMP queue, skipping others. */
	static AlertFrame nextAlertFor(ConsoleSession session, String requestId) throws InterruptedException {
		Instant giveUp = Instant.now().plus(ALERT_WITHIN);
		while (Instant.now().isBefore(giveUp)) {
			AlertFrame frame = session.nextAlert(Duration.between(Instant.now(), giveUp));
			if (frame != null && frame.requestId().equals(requestId)) {
				return frame;
			}
		}
		throw new AssertionError("No alert frame for " + requestId + " within " + ALERT_WITHIN);
	}

	/** The next frame of a kind about a request, skipping every other. */
	static AlertFrame nextFrameFor(ConsoleSession session, String requestId, String kind) throws InterruptedException {
		Instant giveUp = Instant.now().plus(ALERT_WITHIN);
		while (Instant.now().isBefore(giveUp)) {
			AlertFrame frame = session.nextAlert(Duration.between(Instant.now(), giveUp));
			if (frame != null && frame.requestId().equals(requestId) && frame.kind().equals(kind)) {
				return frame;
			}
		}
		throw new AssertionError("No " + kind + " frame for " + requestId + " within " + ALERT_WITHIN);
	}

	static JsonNode json(HttpResponse<String> response) {
		return WireJson.mapper().readTree(response.body());
	}

	static String preservationRequest(String to, String urgency) {
		return """
				{"to": "%s", "urgency": "%s",
				 "requestingAuthority": "Cybercrime unit", "offence": "Ransomware extortion",
				 "summaryOfFacts": "A hospital's systems were encrypted; the ransom note names a mail account.",
				 "dataToPreserve": "Subscriber data and login IP addresses of the account",
				 "relationToOffence": "The account sent the ransom demand",
				 "custodian": "Example Mail", "necessity": "The provider deletes login records after 7 days",
				 "mutualAssistanceToFollow": true}""".formatted(to, urgency);
	}

	static KafkaConsumer<String, String> consumer() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafka.bootstrapServers());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return new KafkaConsumer<>(config);
	}

	static Map<TopicPartition, Long> endOffsets() {
		return endOffsets(Topics.REQUESTS);
	}

	static Map<TopicPartition, Long> endOffsets(String topic) {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return new HashMap<>(consumer.endOffsets(partitions));
		}
	}

	/**
	 * The audit entries written since {@code from}, once one matching {@code until} has
	 * come.
	 */
	static List<AuditEntry> auditSince(Map<TopicPartition, Long> from, Predicate<AuditEntry> until) {
		List<AuditEntry> entries = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.assign(from.keySet());
			from.forEach(consumer::seek);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> entries
						.add(WireJson.read(record.value().getBytes(StandardCharsets.UTF_8), AuditEntry.class)));
				return entries.stream().anyMatch(until);
			});
		}
		return entries;
	}

	/**
	 * Every record written to the requests topic since {@code from}, up to the sentinel.
	 */
	static List<ConsumerRecord<String, String>> recordsSince(Map<TopicPartition, Long> from, String sentinel) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.assign(from.keySet());
			from.forEach(consumer::seek);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.stream().anyMatch((record) -> record.key().equals(sentinel));
			});
			// Whatever else was written before the sentinel has been read by now: it
			// shares no
			// partition order with it, so drain every partition up to its current end.
			Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
			});
		}
		return records;
	}

}
