package org.vigil.protocol.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.canonical.NotCanonicalizable;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.SignatureRejected;
import org.vigil.protocol.signing.VerifiedContent;

/**
 * The properties every input must satisfy, whatever the test that made it.
 */
final class Oracles {

	/**
	 * The longest one call may take. Far above what a call takes (a valid P-256 envelope
	 * verifies in a few milliseconds, garbage is refused in microseconds), so that only a
	 * pathological input, not a slow CI machine, trips it.
	 */
	static final Duration CALL_LIMIT = Duration.ofSeconds(2);

	private Oracles() {
	}

	/** What {@link CmsVerifier#verify} did with an input. */
	record Verification(VerifiedContent accepted, SignatureRejected rejected, Throwable other, long nanos) {

		/** The outcome as a word: the reason, ACCEPTED or the unexpected throwable. */
		String outcome() {
			if (this.accepted != null) {
				return "ACCEPTED";
			}
			return (this.rejected != null) ? this.rejected.reason().name() : this.other.getClass().getSimpleName();
		}

	}

	static Verification verify(CmsVerifier verifier, byte[] input) {
		long start = System.nanoTime();
		try {
			VerifiedContent accepted = verifier.verify(input);
			return new Verification(accepted, null, null, System.nanoTime() - start);
		}
		catch (SignatureRejected ex) {
			return new Verification(null, ex, null, System.nanoTime() - start);
		}
		catch (Throwable ex) {
			return new Verification(null, null, ex, System.nanoTime() - start);
		}
	}

	/**
	 * Checks the verifier on an input that is not a valid envelope of this network
	 * (unless it is byte for byte the original): a {@link SignatureRejected} and nothing
	 * else, in bounded time. Any acceptance of a changed envelope fails, including one
	 * whose changes are only in the unsigned fields (see {@link UnsignedFields}): the
	 * verifier accepts a single encoding of each signed document.
	 * @param original the valid envelope the input was made from, or null
	 * @return the outcome as a word, for statistics: the reason, ACCEPTED or the
	 * unexpected throwable's class
	 */
	static String checkVerify(CmsVerifier verifier, byte[] input, byte[] original, int attempt, Findings findings) {
		Verification result = verify(verifier, input);
		String outcome = result.outcome();
		if (result.other() != null) {
			findings.add(attempt, input, "verify threw " + result.other(), result.other());
		}
		else if (result.accepted() != null && (original == null || !Arrays.equals(input, original))) {
			Set<String> unsigned = (original != null) ? UnsignedFields.differences(input, original) : null;
			findings.add(attempt, input,
					"verify accepted a changed envelope"
							+ ((unsigned != null) ? " (changed only unsigned fields: " + unsigned + ")" : "") + ": "
							+ result.accepted(),
					null);
		}
		if (result.nanos() > CALL_LIMIT.toNanos()) {
			findings.add(attempt, input, "verify took " + Duration.ofNanos(result.nanos()), null);
		}
		return outcome;
	}

	/**
	 * Checks canonicalization of any input: {@link NotCanonicalizable} and nothing else,
	 * or a result that is valid UTF-8, canonical itself (canonicalizing it again gives
	 * the same bytes) and unchanged by the call (the input is not modified); in bounded
	 * time.
	 * @return the canonical form, or null if the input was refused (or broke a property)
	 */
	static byte[] checkCanonicalize(byte[] input, int attempt, Findings findings) {
		byte[] copy = input.clone();
		long start = System.nanoTime();
		byte[] canonical;
		try {
			canonical = CanonicalJson.canonicalize(input);
		}
		catch (NotCanonicalizable ex) {
			canonical = null;
		}
		catch (Throwable ex) {
			findings.add(attempt, copy, "canonicalize threw " + ex, ex);
			return null;
		}
		long nanos = System.nanoTime() - start;
		if (nanos > CALL_LIMIT.toNanos()) {
			findings.add(attempt, copy, "canonicalize took " + Duration.ofNanos(nanos), null);
		}
		if (!Arrays.equals(input, copy)) {
			findings.add(attempt, copy, "canonicalize modified its input", null);
		}
		if (canonical == null) {
			return null;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(canonical));
		}
		catch (CharacterCodingException ex) {
			findings.add(attempt, copy, "the canonical form is not UTF-8", ex);
			return null;
		}
		byte[] again;
		try {
			again = CanonicalJson.canonicalize(canonical);
		}
		catch (Throwable ex) {
			findings.add(attempt, copy, "its canonical form " + new String(canonical, StandardCharsets.UTF_8)
					+ " cannot be canonicalized again: " + ex, ex);
			return null;
		}
		if (!Arrays.equals(again, canonical)) {
			findings.add(attempt, copy, "not idempotent: " + new String(canonical, StandardCharsets.UTF_8) + " became "
					+ new String(again, StandardCharsets.UTF_8), null);
			return null;
		}
		return canonical;
	}

}
