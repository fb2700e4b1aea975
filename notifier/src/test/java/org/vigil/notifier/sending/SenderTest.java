package org.vigil.notifier.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.vigil.embedded.testing.LocalRedis;
import org.vigil.notifier.DemoDirectory;
import org.vigil.notifier.NotifierKeys;
import org.vigil.notifier.alerting.AlertHandler;
import org.vigil.notifier.channel.Channel;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.notifier.channel.SendOutcome;
import org.vigil.notifier.plan.RulesSnapshots;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.notifier.queue.StoredDelivery;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.AckTokens;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DeliveryUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender on a real redis-server with channels the test controls: what is due goes
 * out, a failure or a missing receipt hands over to the next channel at once, an
 * acknowledgement cancels what is still to come, and a sender that dies mid-send loses no
 * page.
 */
class SenderTest {

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	private final MutableClock clock = new MutableClock(START);

	private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
			new ByteArraySerializer());

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	private NotifierKeys keys;

	private DeliveryQueue queue;

	private DeliveryLog deliveryLog;

	private RequestId requestId;

	private final Map<ContactChannel, FakeChannel> channels = new EnumMap<>(ContactChannel.class);

	@BeforeEach
	void setUp() {
		this.keys = new NotifierKeys("test:" + REQUESTS.incrementAndGet() + ":");
		this.queue = new DeliveryQueue(redis.template(), this.keys);
		this.deliveryLog = new DeliveryLog(this.producer, Duration.ofSeconds(5));
		this.requestId = RequestId.of("req-send-" + String.format("%04d", REQUESTS.get()));
		for (ContactChannel kind : List.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.VOICE)) {
			this.channels.put(kind, new FakeChannel(kind));
		}
	}

	@AfterEach
	void tearDown() {
		this.pool.shutdownNow();
	}

	private Sender sender() {
		return new Sender(this.queue, this.deliveryLog, Map.copyOf(this.channels), new RateLimits(System::nanoTime),
				DemoDirectory.VIEW, new AckTokens(new byte[32]),
				new Sender.Settings(Duration.ofSeconds(30), Duration.ofSeconds(60), 50, Duration.ofHours(12),
						"http://127.0.0.1:8080/ack", "http://127.0.0.1:8080/"),
				this.clock, this.pool);
	}

	private AlertHandler handler() {
		return new AlertHandler(this.queue, this.deliveryLog, DemoDirectory.VIEW,
				new RulesSnapshots(redis.template(), this.keys, this.clock), this.clock, this.channels.keySet());
	}

	private OfficersAlerted emergencyAlert() {
		return new OfficersAlerted(this.requestId, 2, this.clock.instant(), CountryCode.of("FR"), CountryCode.of("DE"),
				Urgency.EMERGENCY, 1, 1, List.of(OfficerId.of("de.mueller")), "test",
				this.clock.instant().plus(Duration.ofMinutes(10)));
	}

	private DeliveryKey key(ContactChannel channel) {
		return new DeliveryKey(this.requestId, 1, 1, OfficerId.of("de.mueller"), channel);
	}

	private DeliveryStatus status(ContactChannel channel) {
		return this.queue.find(key(channel)).map(StoredDelivery::status).orElseThrow();
	}

	private List<DeliveryUpdate> updates() {
		return this.producer.history()
			.stream()
			.map((record) -> WireJson.read(record.value(), DeliveryUpdate.class))
			.toList();
	}

	@Test
	void anEmergencyTextsAndMailsAtOnceAndCallsTwoMinutesLater() {
		handler().handle(emergencyAlert());
		Sender sender = sender();

		sender.tick();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status(ContactChannel.EMAIL) == DeliveryStatus.SENT
					&& status(ContactChannel.SMS) == DeliveryStatus.SENT);
		assertThat(status(ContactChannel.VOICE)).isEqualTo(DeliveryStatus.QUEUED);
		assertThat(this.channels.get(ContactChannel.VOICE).sent).isEmpty();
		sender.receipt(key(ContactChannel.SMS), DeliveryStatus.DELIVERED, null);

		this.clock.advance(Duration.ofMinutes(2));
		sender.tick();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.VOICE) == DeliveryStatus.SENT);
		OutgoingMessage mail = this.channels.get(ContactChannel.EMAIL).sent.get(0);
		assertThat(mail.address()).isEqualTo("de.mueller@contact.vigil.example");
		assertThat(mail.text()).contains(mail.ackUrl()).contains("http://127.0.0.1:8080/ack?t=");
		assertThat(updates()).extracting(DeliveryUpdate::status)
			.containsExactlyInAnyOrder(DeliveryStatus.QUEUED, DeliveryStatus.QUEUED, DeliveryStatus.QUEUED,
					DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.SENT, DeliveryStatus.SENT);
	}

	@Test
	void planningTheSameAlertTwiceSendsEachMessageOnce() {
		handler().handle(emergencyAlert());
		handler().handle(emergencyAlert());
		Sender sender = sender();

		sender.tick();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.EMAIL) == DeliveryStatus.SENT);
		sender.tick();

		assertThat(this.channels.get(ContactChannel.EMAIL).sent).hasSize(1);
		assertThat(this.queue.ofRequest(this.requestId)).hasSize(3);
	}

	@Test
	void anAlertThatComesBackAtTheSameStepIsANewPage() {
		handler().handle(emergencyAlert());
		// The officer acknowledged but did not answer: the alert comes back to them at
		// their step, with a new fence.
		handler().handle(new OfficersAlerted(this.requestId, 5, this.clock.instant(), CountryCode.of("FR"),
				CountryCode.of("DE"), Urgency.EMERGENCY, 1, 3, List.of(OfficerId.of("de.mueller")), "came back",
				this.clock.instant().plus(Duration.ofMinutes(10))));

		assertThat(this.queue.ofRequest(this.requestId)).hasSize(6);
		assertThat(status(ContactChannel.VOICE)).as("the first alert's call, superseded")
			.isEqualTo(DeliveryStatus.CANCELLED);
		assertThat(
				this.queue.find(new DeliveryKey(this.requestId, 1, 3, OfficerId.of("de.mueller"), ContactChannel.SMS)))
			.hasValueSatisfying((stored) -> assertThat(stored.status()).isEqualTo(DeliveryStatus.QUEUED));
	}

	@Test
	void aProviderOutageMovesThePageToTheNextChannelAtOnce() {
		this.channels.get(ContactChannel.SMS).fail = true;
		handler().handle(emergencyAlert());
		Sender sender = sender();

		sender.tick();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.SMS) == DeliveryStatus.FAILED);
		// No clock advance: the call, planned two minutes later, goes now.
		sender.tick();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.VOICE) == DeliveryStatus.SENT);
		assertThat(updates()).filteredOn((update) -> update.status() == DeliveryStatus.FAILED)
			.singleElement()
			.satisfies((update) -> assertThat(update.detail()).contains("HTTP 503"));
	}

	@Test
	void aTextWithoutDeliveryReceiptInTimeCountsAsFailed() {
		handler().handle(emergencyAlert());
		Sender sender = sender();
		sender.tick();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.SMS) == DeliveryStatus.SENT);

		this.clock.advance(Duration.ofSeconds(61));
		sender.tick();

		assertThat(status(ContactChannel.SMS)).isEqualTo(DeliveryStatus.FAILED);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.VOICE) == DeliveryStatus.SENT);
	}

	@Test
	void aDeliveryReceiptIsRecordedOnceAndALateOneChangesNothing() {
		handler().handle(emergencyAlert());
		Sender sender = sender();
		sender.tick();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.SMS) == DeliveryStatus.SENT);

		assertThat(sender.receipt(key(ContactChannel.SMS), DeliveryStatus.DELIVERED, null)).isTrue();
		assertThat(sender.receipt(key(ContactChannel.SMS), DeliveryStatus.DELIVERED, null)).isFalse();
		assertThat(sender.receipt(key(ContactChannel.SMS), DeliveryStatus.FAILED, "late")).isFalse();

		this.clock.advance(Duration.ofSeconds(61));
		sender.tick();
		assertThat(status(ContactChannel.SMS)).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(status(ContactChannel.VOICE)).isEqualTo(DeliveryStatus.QUEUED);
	}

	@Test
	void anAcknowledgementCancelsWhatIsStillToCome() {
		handler().handle(emergencyAlert());
		Sender sender = sender();
		sender.tick();
		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.SMS) == DeliveryStatus.SENT);

		handler().handle(new RequestAcknowledged(this.requestId, 3, this.clock.instant(), OfficerId.of("de.mueller"), 1,
				true, false, null, ContactChannel.EMAIL));
		this.clock.advance(Duration.ofMinutes(3));
		sender.tick();

		assertThat(status(ContactChannel.VOICE)).isEqualTo(DeliveryStatus.CANCELLED);
		assertThat(this.channels.get(ContactChannel.VOICE).sent).isEmpty();
	}

	@Test
	void aSenderThatDiesMidSendLosesNoPage() throws InterruptedException {
		FakeChannel mail = this.channels.get(ContactChannel.EMAIL);
		mail.hold = new CountDownLatch(1);
		handler().handle(emergencyAlert());
		ExecutorService doomed = Executors.newSingleThreadExecutor();
		Sender dying = new Sender(this.queue, this.deliveryLog, Map.copyOf(this.channels),
				new RateLimits(System::nanoTime), DemoDirectory.VIEW, new AckTokens(new byte[32]),
				new Sender.Settings(Duration.ofSeconds(30), Duration.ofSeconds(60), 50, Duration.ofHours(12),
						"http://127.0.0.1:8080/ack", "http://127.0.0.1:8080/"),
				this.clock, doomed);

		dying.tick();
		// The relay has the message, but the sender never hears back: it dies here.
		await().atMost(Duration.ofSeconds(10)).until(() -> mail.received.get() == 1);
		doomed.shutdownNow();
		assertThat(status(ContactChannel.EMAIL)).isEqualTo(DeliveryStatus.QUEUED);

		mail.hold = null;
		Sender successor = sender();
		successor.tick();
		assertThat(mail.sent).isEmpty();
		this.clock.advance(Duration.ofSeconds(31));
		successor.tick();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(ContactChannel.EMAIL) == DeliveryStatus.SENT);
		assertThat(mail.received.get()).isEqualTo(2);
		assertThat(doomed.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	/** A channel that records what it is given, and fails or hangs when told. */
	static final class FakeChannel implements Channel {

		final ContactChannel kind;

		final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();

		final AtomicInteger received = new AtomicInteger();

		volatile boolean fail;

		volatile CountDownLatch hold;

		FakeChannel(ContactChannel kind) {
			this.kind = kind;
		}

		@Override
		public ContactChannel kind() {
			return this.kind;
		}

		@Override
		public boolean hasReceipts() {
			return this.kind != ContactChannel.EMAIL;
		}

		@Override
		public SendOutcome send(OutgoingMessage message) {
			this.received.incrementAndGet();
			CountDownLatch latch = this.hold;
			if (latch != null) {
				try {
					latch.await();
				}
				catch (InterruptedException ex) {
					// Killed: the outcome is never recorded.
					Thread.currentThread().interrupt();
					throw new IllegalStateException("killed mid-send");
				}
			}
			if (this.fail) {
				return SendOutcome.failed(this.kind + " provider answered HTTP 503");
			}
			this.sent.add(message);
			return SendOutcome.accepted(message.reference());
		}

	}

}
