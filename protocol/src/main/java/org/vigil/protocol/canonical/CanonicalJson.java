package org.vigil.protocol.canonical;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.vigil.protocol.json.WireJson;

/**
 * The RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence that a JSON
 * value is signed over, so that every implementation in the network signs and verifies
 * the same bytes.
 *
 * <p>
 * The canonical form is UTF-8 with no whitespace; object members are sorted by their
 * names compared as UTF-16 code units; strings escape only {@code "}, {@code \} and
 * U+0000 to U+001F (the short escapes where ECMAScript has them, else
 * {@code \}{@code u00xx} in lower case); numbers are IEEE-754 doubles written as
 * ECMAScript's {@code Number.prototype.toString} writes them. Input must be strict RFC
 * 8259 JSON within I-JSON (RFC 7493): valid UTF-8, no duplicate member names, no lone
 * surrogates, no number beyond the double range. Noncharacters such as U+FFFF are passed
 * through as the reference implementations do.
 *
 * <p>
 * Numbers are rounded to the nearest double, as RFC 8785 requires: an integer beyond
 * 2^53, or a decimal with more than about 15 significant digits, may not survive
 * canonicalization unchanged, so such values should travel as strings.
 *
 * <p>
 * All methods are stateless and thread-safe.
 */
public final class CanonicalJson {

	/**
	 * The deepest nesting of objects and arrays accepted; the top-level container is
	 * level 1. Wire records nest a few levels; the limit bounds the reader's recursion on
	 * hostile input.
	 */
	public static final int MAX_DEPTH = 64;

	/** The largest input accepted, in bytes; wire records are a few kilobytes. */
	public static final int MAX_BYTES = 1 << 20;

	private CanonicalJson() {
	}

	/**
	 * The RFC 8785 canonical form of one JSON value.
	 * @param json the UTF-8 bytes of exactly one JSON value, optionally surrounded by
	 * JSON whitespace; not modified
	 * @return a new array holding the canonical UTF-8 bytes
	 * @throws NotCanonicalizable if the input is not valid UTF-8, not strict JSON, holds
	 * a duplicate member name, a lone surrogate or a number beyond the double range, has
	 * content after the value, or exceeds {@link #MAX_BYTES} or {@link #MAX_DEPTH}
	 */
	public static byte[] canonicalize(byte[] json) {
		Objects.requireNonNull(json, "json");
		if (json.length > MAX_BYTES) {
			throw new NotCanonicalizable(
					"input of " + json.length + " bytes is larger than the limit of " + MAX_BYTES + " bytes");
		}
		// The reader refuses lone surrogates, so the text encodes to UTF-8 losslessly.
		return new JsonCanonicalizer(json, MAX_DEPTH).canonicalize().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The RFC 8785 canonical form of a wire value, as {@link WireJson#write(Object)}
	 * serializes it.
	 * @param value a record or other value the wire mapper can write
	 * @return a new array holding the canonical UTF-8 bytes
	 * @throws IllegalArgumentException if the value is a {@code byte[]}: the mapper would
	 * write it as a Base64 string, and such a call almost always meant the
	 * {@link #canonicalize(byte[])} overload
	 * @throws NotCanonicalizable if the serialized form has no canonical form, for
	 * instance because it exceeds {@link #MAX_BYTES} or {@link #MAX_DEPTH}
	 * @throws tools.jackson.core.JacksonException if the mapper cannot serialize the
	 * value
	 */
	public static byte[] canonicalize(Object value) {
		if (value instanceof byte[]) {
			throw new IllegalArgumentException(
					"a byte[] passed as Object would be canonicalized as a Base64 string; call canonicalize(byte[])");
		}
		return canonicalize(WireJson.write(value));
	}

	/**
	 * Whether the bytes are already exactly their own canonical form, so that a received
	 * signed payload can be checked without re-encoding it.
	 * @param json the bytes to check; not modified
	 * @return {@code true} if {@link #canonicalize(byte[])} would return the same bytes,
	 * {@code false} otherwise, including when the bytes have no canonical form
	 */
	public static boolean isCanonical(byte[] json) {
		Objects.requireNonNull(json, "json");
		try {
			return Arrays.equals(canonicalize(json), json);
		}
		catch (NotCanonicalizable ex) {
			return false;
		}
	}

}
