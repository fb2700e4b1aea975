package org.vigil.notifier.push;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.vigil.directory.notification.PushKeys;
import org.vigil.embedded.push.PushServiceSimulator;
import org.vigil.embedded.push.PushServiceSimulator.Subscription;
import org.vigil.embedded.testing.LocalRedis;
import org.vigil.notifier.NotifierKeys;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Receipt tokens on a real redis-server, and the page that carries one through the
 * loopback push service (which decrypts it as the browser would).
 */
class PushReceiptsTest {

	private static final DeliveryKey KEY = new DeliveryKey(RequestId.of("req-receipt-0001"), 1, 1L,
			OfficerId.of("de.mueller"), ContactChannel.PUSH);

	private static final Pattern TOKEN = Pattern.compile("\"receiptToken\":\"([^\"]+)\"");

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private final NotifierKeys keys = new NotifierKeys("test:" + System.nanoTime() + ":");

	private final PushReceipts receipts = new PushReceipts(redis.template(), this.keys, Duration.ofHours(12));

	private final PushServiceSimulator service = PushServiceSimulator.start(0);

	@AfterEach
	void stop() {
		this.service.close();
	}

	@Test
	void aPushedPageCarriesAOneTimeTokenForItsMessageAndWhereToPostIt() {
		KeyPair pair = EcKeys.generate();
		Vapid vapid = new Vapid(EcKeys.encode(EcKeys.uncompressed((ECPublicKey) pair.getPublic())),
				EcKeys.encode(EcKeys.scalar((ECPrivateKey) pair.getPrivate())), "mailto:ops@vigil.example",
				Clock.systemUTC());
		PushChannel channel = new PushChannel(vapid, Duration.ofHours(1), Duration.ofSeconds(5), true, this.receipts,
				"http://127.0.0.1:8080/api/v1/notifications/push-receipts");
		Subscription subscription = this.service.subscribe(vapid.publicKey());

		assertThat(channel
			.send(new OutgoingMessage(KEY, subscription.endpoint(), "[Vigil] page", "A request.",
					"http://127.0.0.1:8080/ack?t=abc", Urgency.EMERGENCY, CountryCode.of("FR"),
					new PushKeys(subscription.p256dh(), subscription.auth())))
			.accepted()).isTrue();

		String plaintext = this.service.pushesTo(subscription).get(0).plaintext();
		assertThat(plaintext).contains("\"receipt\":\"http://127.0.0.1:8080/api/v1/notifications/push-receipts\"");
		Matcher token = TOKEN.matcher(plaintext);
		assertThat(token.find()).isTrue();
		assertThat(this.receipts.redeem(token.group(1))).contains(KEY);
		assertThat(this.receipts.redeem(token.group(1))).as("spent").isEmpty();
	}

	@Test
	void aTokenLivesAsLongAsTheAcknowledgementLinkAndRedisKeepsOnlyItsDigest() {
		String token = this.receipts.issue(KEY);

		Set<String> stored = redis.template().keys(this.keys.prefix() + "push-receipt:*");
		assertThat(stored).hasSize(1).noneMatch((key) -> key.contains(token));
		String key = stored.iterator().next();
		assertThat(redis.template().opsForValue().get(key)).isEqualTo(KEY.value());
		assertThat(redis.template().getExpire(key)).isBetween(Duration.ofHours(12).toSeconds() - 60,
				Duration.ofHours(12).toSeconds());
	}

	@Test
	void anUnknownTokenStandsForNothingAndAMalformedOneIsRefused() {
		this.receipts.issue(KEY);

		assertThat(this.receipts.redeem("A".repeat(32))).isEmpty();
		assertThat(PushReceipts.wellFormed("short")).isFalse();
		assertThatThrownBy(() -> this.receipts.redeem("not a token at all, with spaces!"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.receipts.redeem(null)).isInstanceOf(IllegalArgumentException.class);
	}

}
