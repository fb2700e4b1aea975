package org.vigil.notifier.push;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vigil.directory.notification.PushKeys;
import org.vigil.embedded.push.PushServiceSimulator;
import org.vigil.embedded.push.PushServiceSimulator.Subscription;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.notifier.channel.SendOutcome;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;

import static org.assertj.core.api.Assertions.assertThat;

class PushChannelTest {

	private static final DeliveryKey KEY = new DeliveryKey(RequestId.of("req-push-00001"), 1, 1L,
			OfficerId.of("de.mueller"), ContactChannel.PUSH);

	private final PushServiceSimulator service = PushServiceSimulator.start(0);

	private final Vapid vapid = vapid();

	private final PushChannel channel = new PushChannel(this.vapid, Duration.ofHours(1), Duration.ofSeconds(5), true);

	@AfterEach
	void stop() {
		this.service.close();
	}

	@Test
	void theBrowserDecryptsAnEmergencyPageNamingTheRequestAndItsAcknowledgementLink() {
		Subscription subscription = this.service.subscribe(this.vapid.publicKey());

		SendOutcome outcome = this.channel.send(message(subscription, Urgency.EMERGENCY));

		assertThat(outcome.accepted()).as(outcome.detail()).isTrue();
		PushServiceSimulator.Push push = this.service.pushesTo(subscription).get(0);
		assertThat(push.status()).as(push.problem()).isEqualTo(201);
		assertThat(push.urgency()).isEqualTo("high");
		assertThat(push.ttl()).isEqualTo("3600");
		assertThat(push.plaintext()).contains("\"request\":\"req-push-00001\"")
			.contains("\"urgency\":\"EMERGENCY\"")
			.contains("\"from\":\"FR\"")
			.contains("\"ack\":\"http://127.0.0.1:8080/ack?t=abc\"");
	}

	@Test
	void aRoutinePageIsOfNormalUrgency() {
		Subscription subscription = this.service.subscribe(this.vapid.publicKey());

		assertThat(this.channel.send(message(subscription, Urgency.ROUTINE)).accepted()).isTrue();
		assertThat(this.service.pushesTo(subscription).get(0).urgency()).isEqualTo("normal");
	}

	@Test
	void aSubscriptionGoneFails() {
		Subscription subscription = this.service.subscribe(this.vapid.publicKey());
		this.service.expire(subscription);

		SendOutcome outcome = this.channel.send(message(subscription, Urgency.EMERGENCY));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("gone").contains("410");
	}

	@Test
	void aSubscriptionMadeForAnotherApplicationServerRefusesOurToken() {
		Subscription subscription = this.service.subscribe(vapid().publicKey());

		SendOutcome outcome = this.channel.send(message(subscription, Urgency.EMERGENCY));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("403");
	}

	@Test
	void endpointsOnThisHostAreRefusedUnlessAllowed() {
		Subscription subscription = this.service.subscribe(this.vapid.publicKey());
		PushChannel strict = new PushChannel(this.vapid, Duration.ofHours(1), Duration.ofSeconds(5), false);

		assertThat(strict.send(message(subscription, Urgency.EMERGENCY)).accepted()).isFalse();
		assertThat(this.service.pushes()).isEmpty();
	}

	@Test
	void aSubscriptionKeyOffTheCurveFailsInsteadOfThrowing() {
		Subscription subscription = this.service.subscribe(this.vapid.publicKey());
		byte[] point = EcKeys.decode(subscription.p256dh());
		point[64] ^= 1;
		Subscription broken = new Subscription(subscription.endpoint(), EcKeys.encode(point), subscription.auth());

		SendOutcome outcome = this.channel.send(message(broken, Urgency.EMERGENCY));

		assertThat(outcome.accepted()).isFalse();
		assertThat(this.service.pushes()).isEmpty();
	}

	private static OutgoingMessage message(Subscription subscription, Urgency urgency) {
		return new OutgoingMessage(KEY, subscription.endpoint(), "[Vigil] " + urgency + " preservation request",
				"A request from FR is waiting for you.", "http://127.0.0.1:8080/ack?t=abc", urgency,
				CountryCode.of("FR"), new PushKeys(subscription.p256dh(), subscription.auth()));
	}

	private static Vapid vapid() {
		KeyPair keys = EcKeys.generate();
		return new Vapid(EcKeys.encode(EcKeys.uncompressed((ECPublicKey) keys.getPublic())),
				EcKeys.encode(EcKeys.scalar((ECPrivateKey) keys.getPrivate())), "mailto:ops@vigil.example",
				Clock.systemUTC());
	}

}
