package org.vigil.notifier.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.vigil.embedded.provider.ProviderSimulator;
import org.vigil.notifier.NotifierProperties;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS through the HTTP provider adapter, to a simulated provider on loopback. */
class HttpProviderChannelTest {

	private static ProviderSimulator provider;

	private static final DeliveryKey KEY = new DeliveryKey(RequestId.of("req-sms-00001"), 1, 1,
			OfficerId.of("de.mueller"), ContactChannel.SMS);

	@BeforeAll
	static void startProvider() {
		provider = ProviderSimulator.start(0, "a-callback-token-of-some-length");
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@BeforeEach
	void deliver() {
		provider.behave(ProviderSimulator.Behaviour.SILENT);
	}

	private static HttpProviderChannel channel(URI url) {
		return new HttpProviderChannel(ContactChannel.SMS, url, "vigil", "secret",
				NotifierProperties.Provider.DEFAULT_TEMPLATE, "http://127.0.0.1:1/receipts", Duration.ofSeconds(5));
	}

	@Test
	void theProviderGetsNumberTextReferenceAndIdempotencyKey() {
		String text = "Vigil: EMERGENCY \"request\" \\ from FR.\nAcknowledge: http://x/ack?t=a.b";

		SendOutcome outcome = channel(provider.url())
			.send(new OutgoingMessage(KEY, "+99900004900", null, text, "http://x/ack?t=a.b"));

		assertThat(outcome.accepted()).isTrue();
		assertThat(provider.messagesTo("+99900004900")).singleElement().satisfies((message) -> {
			assertThat(message.text()).isEqualTo(text);
			assertThat(message.reference()).isEqualTo(KEY.value());
			assertThat(message.idempotencyKey()).isEqualTo(KEY.value());
		});
	}

	@Test
	void anOutageIsAFailure() {
		provider.behave(ProviderSimulator.Behaviour.OUTAGE);

		SendOutcome outcome = channel(provider.url())
			.send(new OutgoingMessage(KEY, "+99900004901", null, "text", "http://x/ack"));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("HTTP 503");
	}

	@Test
	void anUnreachableProviderIsAFailure() {
		SendOutcome outcome = channel(URI.create("http://127.0.0.1:1/messages"))
			.send(new OutgoingMessage(KEY, "+99900004902", null, "text", "http://x/ack"));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("unreachable");
	}

	@Test
	void valuesAreEscapedIntoTheTemplate() {
		assertThat(HttpProviderChannel.render("{\"t\":\"${text}\"}", Map.of("text", "a\"b\\c\n<d>")))
			.isEqualTo("{\"t\":\"a\\\"b\\\\c\\n\\u003cd\\u003e\"}");
	}

}
