package org.vigil.protocol.fuzz;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.signing.CmsVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes {@link CmsVerifier#verify} with arbitrary bytes and with mutated valid
 * envelopes. For every input: it throws {@code SignatureRejected} and nothing else (no
 * NullPointerException, ClassCastException, OutOfMemoryError, StackOverflowError...), it
 * accepts no envelope that is not byte for byte a valid one, and it returns within
 * {@link Oracles#CALL_LIMIT}. Budget and seed: {@link FuzzSettings}.
 */
class CmsVerifierFuzzTest {

	/** Every property together must end in this time, per unit of scale. */
	private static final Duration PROPERTY_LIMIT = Duration.ofSeconds(60);

	@BeforeAll
	static void theOriginalsVerify() {
		assertThat(Envelopes.VERIFIER.verify(Envelopes.P256).signer()).isEqualTo(PartyIdentity.party(Envelopes.FR));
		assertThat(Envelopes.VERIFIER.verify(Envelopes.ED25519).signer()).isEqualTo(PartyIdentity.party(Envelopes.ES));
	}

	@Test
	void arbitraryBytesAreRejected() {
		run("arbitrary-bytes", 300, (random) -> {
			byte[] bytes = Mutations.randomBytes(random, random.nextInt(3000));
			if (bytes.length > 4 && random.nextBoolean()) {
				// A SEQUENCE header with a plausible length, to get past the first byte.
				bytes[0] = 0x30;
				bytes[1] = (byte) 0x82;
				int length = random.nextBoolean() ? bytes.length - 4 : random.nextInt(0x10000);
				bytes[2] = (byte) (length >> 8);
				bytes[3] = (byte) length;
			}
			return bytes;
		}, null);
	}

	@Test
	void p256EnvelopesWithMutatedBytesAreRejected() {
		run("p256-bytes", 800, (random) -> Mutations.bytes(Envelopes.P256, Envelopes.ED25519, random), Envelopes.P256);
	}

	@Test
	void ed25519EnvelopesWithMutatedBytesAreRejected() {
		run("ed25519-bytes", 800, (random) -> Mutations.bytes(Envelopes.ED25519, Envelopes.P256, random),
				Envelopes.ED25519);
	}

	@Test
	void p256EnvelopesWithMutatedStructureAreRejected() {
		run("p256-der", 400, (random) -> Mutations.der(Envelopes.P256, random), Envelopes.P256);
	}

	@Test
	void ed25519EnvelopesWithMutatedStructureAreRejected() {
		run("ed25519-der", 400, (random) -> Mutations.der(Envelopes.ED25519, random), Envelopes.ED25519);
	}

	private static void run(String property, int ciTries, Function<Random, byte[]> inputs, byte[] original) {
		int tries = FuzzSettings.tries(ciTries);
		Findings findings = new Findings(property);
		Map<String, Integer> outcomes = new TreeMap<>();
		assertTimeoutPreemptively(PROPERTY_LIMIT.multipliedBy(tries / ciTries), () -> {
			Random random = FuzzSettings.random(property);
			for (int attempt = 0; attempt < tries; attempt++) {
				byte[] input = inputs.apply(random);
				outcomes.merge(Oracles.checkVerify(Envelopes.VERIFIER, input, original, attempt, findings), 1,
						Integer::sum);
			}
		});
		System.out.println(
				"fuzz " + property + ": " + tries + " tries, seed " + FuzzSettings.seed() + ", outcomes " + outcomes);
		findings.assertNone();
	}

}
