package org.vigil.gateway.contacts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vigil.gateway.contacts.VerificationCode.Check;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodeTest {

	private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

	@Test
	void issuesSixDigitsAndStoresOnlyASaltedDigest() {
		VerificationCode.Issued issued = VerificationCode.issue(new Random(1), NOW);
		assertThat(issued.code()).matches("[0-9]{6}");
		assertThat(issued.stored().digest()).doesNotContain(issued.code()).hasSize(64);
		assertThat(issued.stored().expiresAt()).isEqualTo(NOW.plus(VerificationCode.VALIDITY));
		assertThat(issued.stored().attempts()).isEqualTo(VerificationCode.ATTEMPTS);
	}

	@Test
	void equalCodesStoreDifferentDigests() {
		Set<String> digests = new HashSet<>();
		Random random = new Random(7);
		for (int i = 0; i < 50; i++) {
			digests.add(VerificationCode.issue(random, NOW).stored().digest());
		}
		assertThat(digests).hasSize(50);
	}

	@Test
	void acceptsTheCodeWithinItsValidityAndIgnoresSpaces() {
		VerificationCode.Issued issued = VerificationCode.issue(new Random(2), NOW);
		String spaced = issued.code().substring(0, 3) + " " + issued.code().substring(3);
		assertThat(issued.stored().check(issued.code(), 1, NOW.plusSeconds(60))).isEqualTo(Check.MATCH);
		assertThat(issued.stored().check(spaced, 2, NOW.plus(VerificationCode.VALIDITY))).isEqualTo(Check.MATCH);
	}

	@Test
	void refusesAWrongCode() {
		VerificationCode.Issued issued = VerificationCode.issue(new Random(3), NOW);
		String wrong = (issued.code().equals("000000")) ? "000001" : "000000";
		assertThat(issued.stored().check(wrong, 1, NOW)).isEqualTo(Check.WRONG);
		assertThat(issued.stored().check(null, 2, NOW)).isEqualTo(Check.WRONG);
	}

	@Test
	void refusesEvenTheRightCodeOnceExpired() {
		VerificationCode.Issued issued = VerificationCode.issue(new Random(4), NOW);
		assertThat(issued.stored().check(issued.code(), 1, NOW.plus(VerificationCode.VALIDITY).plusSeconds(1)))
			.isEqualTo(Check.EXPIRED);
	}

	@Test
	void refusesEvenTheRightCodeAfterItsTriesAreUsedUp() {
		VerificationCode.Issued issued = VerificationCode.issue(new Random(5), NOW);
		assertThat(issued.stored().check(issued.code(), VerificationCode.ATTEMPTS, NOW)).isEqualTo(Check.MATCH);
		assertThat(issued.stored().check(issued.code(), VerificationCode.ATTEMPTS + 1, NOW))
			.isEqualTo(Check.NO_TRIES_LEFT);
	}

}
