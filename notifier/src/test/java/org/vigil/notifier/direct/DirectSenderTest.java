package org.vigil.notifier.direct;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.vigil.notifier.channel.Channel;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.notifier.channel.SendOutcome;
import org.vigil.notifier.plan.Priority;
import org.vigil.notifier.sending.RateLimits;
import org.vigil.notifier.sending.Sender;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DirectMessage;
import org.vigil.protocol.notification.DirectMessageUpdate;

import static org.assertj.core.api.Assertions.assertThat;

class DirectSenderTest {

	private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

	private final List<OutgoingMessage> texts = new CopyOnWriteArrayList<>();

	private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
			new ByteArraySerializer());

	private final RateLimits limits = new RateLimits(() -> 0L).limit(ContactChannel.SMS, 1, 2);

	private DirectSender sender(Map<ContactChannel, Channel> channels) {
		Sender sending = new Sender(null, null, channels, this.limits, null, null, null,
				Clock.fixed(NOW, ZoneOffset.UTC), null);
		return new DirectSender(sending, this.producer, Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private final Channel sms = new Channel() {

		@Override
		public ContactChannel kind() {
			return ContactChannel.SMS;
		}

		@Override
		public boolean hasReceipts() {
			return true;
		}

		@Override
		public SendOutcome send(OutgoingMessage message) {
			DirectSenderTest.this.texts.add(message);
			return SendOutcome.accepted(message.reference());
		}

	};

	private static DirectMessage code(Instant expiresAt) {
		return new DirectMessage("a1b2c3d4e5f6", OfficerId.of("fr.martin"), ContactChannel.SMS, "+99955501234",
				DirectMessage.Purpose.VERIFICATION_CODE, "Your Vigil code is 123456.", NOW.minusSeconds(5), expiresAt);
	}

	private List<DirectMessageUpdate> updates() {
		return this.producer.history().stream().map((record) -> {
			assertThat(record.topic()).isEqualTo(Topics.DIRECT_MESSAGES);
			assertThat(record.key()).isEqualTo("fr.martin");
			return WireJson.read(record.value(), DirectMessageUpdate.class);
		}).toList();
	}

	@Test
	void sendsTheCodeToTheAddressWithItsOwnReferenceAndRecordsItSent() {
		sender(Map.of(ContactChannel.SMS, this.sms)).send(code(NOW.plusSeconds(900)));

		assertThat(this.texts).singleElement().satisfies((text) -> {
			assertThat(text.address()).isEqualTo("+99955501234");
			assertThat(text.reference()).isEqualTo("direct/fr.martin/a1b2c3d4e5f6");
			assertThat(text.text()).contains("123456");
		});
		assertThat(updates()).singleElement().satisfies((update) -> {
			assertThat(update.status()).isEqualTo(DeliveryStatus.SENT);
			assertThat(update.id()).isEqualTo("a1b2c3d4e5f6");
		});
		assertThat(new String(this.producer.history().get(0).value())).doesNotContain("+99955501234")
			.doesNotContain("123456");
	}

	@Test
	void anExpiredCodeIsRecordedFailedNotSent() {
		sender(Map.of(ContactChannel.SMS, this.sms)).send(code(NOW.minusSeconds(1)));

		assertThat(this.texts).isEmpty();
		assertThat(updates()).singleElement().satisfies((update) -> {
			assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(update.detail()).contains("expired");
		});
	}

	@Test
	void aChannelTheNetworkLacksFails() {
		sender(Map.of()).send(code(NOW.plusSeconds(900)));

		assertThat(updates()).singleElement()
			.satisfies((update) -> assertThat(update.detail()).contains("not configured"));
	}

	@Test
	void aCodeNeverTakesTheTokensAFirstPageNeeds() {
		DirectSender sender = sender(Map.of(ContactChannel.SMS, this.sms));
		// One token left of two: status traffic may not take it.
		assertThat(this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)).isTrue();

		sender.send(code(NOW.plusSeconds(900)));

		assertThat(this.texts).isEmpty();
		assertThat(updates()).singleElement()
			.satisfies((update) -> assertThat(update.status()).isEqualTo(DeliveryStatus.FAILED));
		assertThat(this.limits.tryAcquire(ContactChannel.SMS, Priority.FIRST_PAGE)).isTrue();
	}

	@Test
	void aProvidersReceiptNamingADirectMessageIsRecorded() {
		DirectSender sender = sender(Map.of(ContactChannel.SMS, this.sms));

		assertThat(sender.receipt("direct/fr.martin/a1b2c3d4e5f6", DeliveryStatus.DELIVERED, null)).isTrue();
		assertThat(sender.receipt("req-1/1.0/fr.martin/SMS", DeliveryStatus.DELIVERED, null)).isFalse();

		assertThat(updates()).singleElement()
			.satisfies((update) -> assertThat(update.status()).isEqualTo(DeliveryStatus.DELIVERED));
	}

}
