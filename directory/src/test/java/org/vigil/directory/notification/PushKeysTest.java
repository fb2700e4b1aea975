package org.vigil.directory.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PushKeysTest {

	// The user agent's keys of RFC 8291's example.
	static final PushKeys KEYS = new PushKeys(
			"BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
			"BTBZMqHH6r4Tts7J_aSIgg");

	private static final Instant VERIFIED = Instant.parse("2026-11-23T03:00:00Z");

	@Test
	void aPushSubscriptionSurvivesTheWire() {
		ContactMethod push = new ContactMethod(ContactChannel.PUSH, "https://push.example.net/wpush/abc", VERIFIED,
				KEYS);

		assertThat(WireJson.read(WireJson.write(push), ContactMethod.class)).isEqualTo(push);
		assertThat(push.verified()).isTrue();
	}

	@Test
	void aPushEndpointWrittenBeforeKeysReadsButIsNeverUsed() {
		ContactMethod old = WireJson
			.read("""
					{"channel": "PUSH", "address": "https://push.example.net/wpush/abc", "verifiedAt": "2026-01-01T00:00:00Z"}"""
				.getBytes(StandardCharsets.UTF_8), ContactMethod.class);

		assertThat(old.push()).isNull();
		assertThat(old.verified()).isFalse();
	}

	@Test
	void refusesKeysThatAreNotASubscriptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PushKeys("BCVx", KEYS.auth()));
		assertThatIllegalArgumentException().isThrownBy(() -> new PushKeys(KEYS.p256dh(), "c2hvcnQ"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PushKeys(KEYS.p256dh(), "not base64!"));
	}

	@Test
	void onlyPushHasKeysAndOnlyHttpsOrLoopbackIsAnEndpoint() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ContactMethod(ContactChannel.EMAIL, "a@police.example", VERIFIED, KEYS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ContactMethod(ContactChannel.PUSH, "http://push.example.net/abc", VERIFIED, KEYS));
		assertThat(new ContactMethod(ContactChannel.PUSH, "http://127.0.0.1:4711/push/abc", VERIFIED, KEYS).verified())
			.isTrue();
	}

}
