package org.vigil.protocol.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AckTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

	private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final AckTokens tokens = new AckTokens(KEY);

	private static AckLink link() {
		return AckTokens.link(RequestId.of("req-00000001"), OfficerId.of("de.mueller"), 1, ContactChannel.EMAIL, NOW,
				Duration.ofHours(12));
	}

	@Test
	void aSignedLinkVerifiesToWhatItSays() {
		AckLink link = link();

		assertThat(this.tokens.verify(this.tokens.sign(link), NOW.plusSeconds(60))).isEqualTo(link);
	}

	@Test
	void everyLinkIsUnique() {
		assertThat(this.tokens.sign(link())).isNotEqualTo(this.tokens.sign(link()));
	}

	@Test
	void refusesAnExpiredLink() {
		String token = this.tokens.sign(link());

		assertThatExceptionOfType(AckTokenRejected.class)
			.isThrownBy(() -> this.tokens.verify(token, NOW.plus(Duration.ofHours(12))))
			.satisfies((ex) -> assertThat(ex.expired()).isTrue());
	}

	@Test
	void refusesALinkSignedWithAnotherKey() {
		byte[] other = Arrays.copyOf(KEY, KEY.length);
		other[0] ^= 1;
		String token = new AckTokens(other).sign(link());

		assertThatExceptionOfType(AckTokenRejected.class).isThrownBy(() -> this.tokens.verify(token, NOW));
	}

	@Test
	void refusesALinkWhoseClaimsWereAltered() {
		String token = this.tokens.sign(link());
		String claims = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);
		String forged = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims.replace("de.mueller", "de.schmidt").getBytes(StandardCharsets.UTF_8))
				+ token.substring(token.indexOf('.'));

		assertThatExceptionOfType(AckTokenRejected.class).isThrownBy(() -> this.tokens.verify(forged, NOW));
		assertThatExceptionOfType(AckTokenRejected.class).isThrownBy(() -> this.tokens.verify("garbage", NOW));
	}

	@Test
	void refusesAShortKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AckTokens(new byte[16]));
	}

	@Test
	void acknowledgementsWrittenBeforeChannelsReadAsConsoleOnes() {
		DispatchCommand command = WireJson.read("""
				{"type": "AcknowledgeRequest", "requestId": "req-00000001", "officer": "de.mueller",
				 "acceptedAt": "2026-11-22T02:00:00Z"}""".getBytes(StandardCharsets.UTF_8), DispatchCommand.class);
		RequestEvent event = WireJson.read("""
				{"type": "RequestAcknowledged", "requestId": "req-00000001", "sequence": 4,
				 "at": "2026-11-22T02:00:00Z", "by": "de.mueller", "step": 1, "wasPaged": true, "late": false}"""
			.getBytes(StandardCharsets.UTF_8), RequestEvent.class);

		assertThat(((AcknowledgeRequest) command).via()).isEqualTo(ContactChannel.CONSOLE);
		assertThat(((RequestAcknowledged) event).via()).isEqualTo(ContactChannel.CONSOLE);
	}

	@Test
	void aDeliveryKeyReadsBackFromItsValue() {
		DeliveryKey key = new DeliveryKey(RequestId.of("req-00000001"), 2, 3, OfficerId.of("de.mueller"),
				ContactChannel.SMS);

		assertThat(DeliveryKey.parse(key.value())).isEqualTo(key);
		DeliveryUpdate update = new DeliveryUpdate(key.requestId(), key, DeliveryStatus.SENT, NOW, NOW, 3, null);
		assertThat(WireJson.read(WireJson.write(update), DeliveryUpdate.class)).isEqualTo(update);
	}

}
