package org.vigil.protocol.fuzz;

import java.util.Random;

/**
 * The budget and seed of the fuzz tests.
 *
 * <p>
 * By default every run makes the same tries from the same seed, few enough that the whole
 * fuzz suite takes seconds in CI. For a longer local run, set on the Maven command line
 * (Surefire hands them to the forked JVM):
 * <ul>
 * <li>{@code -Dvigil.fuzz.seed=<long>}: another seed, e.g. {@code $RANDOM} or the seed a
 * failure printed;</li>
 * <li>{@code -Dvigil.fuzz.scale=<n>}: multiply every number of tries by n.</li>
 * </ul>
 * For example:
 *
 * <pre>
 * ./mvnw -B -pl protocol test -Dtest='*FuzzTest,RegressionReplayTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.fuzz.seed=$RANDOM -Dvigil.fuzz.scale=50
 * </pre>
 *
 * The signed envelopes are made afresh each run (new keys, ECDSA's random nonce), so a
 * seed alone does not replay a CMS failure: every failing input is also printed in hex
 * and written to {@code target/fuzz-failures/}; move it into
 * {@code src/test/resources/org/vigil/protocol/fuzz/regressions/} to keep it (see
 * {@link RegressionReplayTest}).
 */
final class FuzzSettings {

	/** The seed of CI runs. */
	static final long DEFAULT_SEED = 0x5EED_2026_0329L;

	private FuzzSettings() {
	}

	static long seed() {
		return Long.getLong("vigil.fuzz.seed", DEFAULT_SEED);
	}

	static int tries(int ciTries) {
		return Math.multiplyExact(ciTries, Math.max(1, Integer.getInteger("vigil.fuzz.scale", 1)));
	}

	/** The random source of one property: the seed mixed with the property's name. */
	static Random random(String property) {
		return new Random(seed() * 31 + property.hashCode());
	}

}
