package org.vigil.gateway.security.totp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TotpTest {

	/** RFC 6238 appendix B: the SHA-1 seed, the ASCII of "12345678901234567890". */
	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheSha1TestVectorsOfRfc6238(long unixSeconds, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

		assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
		assertThat(Totp.code(RFC_SEED, step)).as("six digits are the last six of eight")
			.isEqualTo(expected.substring(2));
	}

	@Test
	void acceptsTheCodeOfTheStepBeforeAndAfterButNotFurther() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.step(now);

		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step), now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2), now)).isEmpty();
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		String code = Totp.code(RFC_SEED, Totp.step(now));

		assertThat(Totp.matchingStep(RFC_SEED, null, now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, " " + code, now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "94287082", now)).as("eight digits").isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "28708a", now)).isEmpty();
	}

	@Test
	void base32RoundTripsAndReadsWhatAppsShow() {
		byte[] secret = Totp.newSecret();

		assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
		// RFC 4648 section 10.
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Base32.decode("mzxw 6ytb oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		assertThat(Base32.encode(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void encryptedSecretsOpenOnlyForTheirOwnerWithTheSameKey() {
		byte[] key = new byte[32];
		key[0] = 1;
		SecretCipher cipher = new SecretCipher(key);
		byte[] secret = Totp.newSecret();

		String sealed = cipher.seal("de.admin", secret);

		assertThat(sealed).startsWith("aes-gcm:").doesNotContain(Base32.encode(secret));
		assertThat(cipher.open("de.admin", sealed)).isEqualTo(secret);
		assertThatIllegalStateException().isThrownBy(() -> cipher.open("fr.admin", sealed));
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(new byte[32]).open("de.admin", sealed));
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(null).open("de.admin", sealed));
	}

}
