package org.vigil.notifier.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VapidTest {

	private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

	private final KeyPair keys = EcKeys.generate();

	private final Vapid vapid = new Vapid(EcKeys.encode(EcKeys.uncompressed((ECPublicKey) this.keys.getPublic())),
			EcKeys.encode(EcKeys.scalar((ECPrivateKey) this.keys.getPrivate())), "mailto:ops@vigil.example",
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void signsAnEs256TokenForThePushServicesOriginThatThePublicKeyVerifies() throws Exception {
		String header = this.vapid.authorization(URI.create("https://push.example.net:8443/wpush/v2/abc?x=1"));

		Matcher parts = Pattern.compile("vapid t=([^,]+), k=(.+)").matcher(header);
		assertThat(parts.matches()).isTrue();
		String[] jwt = parts.group(1).split("\\.");
		assertThat(parts.group(2)).isEqualTo(this.vapid.publicKey());
		assertThat(json(jwt[0])).contains("\"alg\":\"ES256\"");
		assertThat(json(jwt[1])).contains("\"aud\":\"https://push.example.net:8443\"")
			.contains("\"exp\":" + NOW.plusSeconds(12 * 3600).getEpochSecond())
			.contains("\"sub\":\"mailto:ops@vigil.example\"");
		Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
		verifier.initVerify(EcKeys.publicKey(EcKeys.decode(parts.group(2))));
		verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(EcKeys.decode(jwt[2]))).isTrue();
	}

	@Test
	void theAudienceIsTheOriginWithoutTheDefaultPort() {
		assertThat(Vapid.origin(URI.create("https://fcm.googleapis.com/fcm/send/abc")))
			.isEqualTo("https://fcm.googleapis.com");
	}

	@Test
	void refusesKeysThatAreNotAPair() {
		String otherPublic = EcKeys.encode(EcKeys.uncompressed((ECPublicKey) EcKeys.generate().getPublic()));
		String privateKey = EcKeys.encode(EcKeys.scalar((ECPrivateKey) this.keys.getPrivate()));
		assertThatThrownBy(() -> new Vapid(otherPublic, privateKey, "mailto:ops@vigil.example", Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static String json(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

}
