package org.vigil.protocol.canonical;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 8785 conformance. Java text blocks turn {@code \\} into one backslash, so the JSON
 * escapes below are written with doubled backslashes; {@code \}{@code uXXXX} written
 * singly is a Java escape and stands for the character itself.
 */
class CanonicalJsonTest {

	/** How ECMAScript lays out a number, once its digits are right. */
	private static final Pattern CANONICAL_NUMBER = Pattern
		.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?");

	@Test
	void rfc8785Section322SampleGivesTheRfcOutput() {
		String input = """
				{
				  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
				  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
				  "literals": [null, true, false]
				}
				""";
		String expected = """
				{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],\
				"string":"\u20ac$\\u000f\\nA'B\\"\\\\\\\\\\"/"}""";

		assertThat(canonical(input)).isEqualTo(expected);
	}

	@Test
	void rfc8785Section323SampleSortsMembersByUtf16CodeUnits() {
		String input = """
				{
				  "\\u20ac": "Euro Sign",
				  "\\r": "Carriage Return",
				  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
				  "1": "One",
				  "\\ud83d\\ude00": "Emoji: Grinning Face",
				  "\\u0080": "Control",
				  "\\u00f6": "Latin Small Letter O With Diaeresis"
				}""";

		assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
				+ "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
				+ "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
	}

	@Test
	void aCharacterBeyondTheBmpSortsBeforeUE000LikeItsHighSurrogate() {
		// By code point or by UTF-8 bytes U+E000 would come first; by UTF-16 code units
		// U+10000 is D800 DC00, which is smaller than E000.
		String input = "{\"\\ue000\":1,\"\\ud800\\udc00\":2}";

		assertThat(canonical(input)).isEqualTo("{\"\ud800\udc00\":2,\"\ue000\":1}");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "0000000000000000, 0", "8000000000000000, 0", "0000000000000001, 5e-324", "8000000000000001, -5e-324",
			"7fefffffffffffff, 1.7976931348623157e+308", "ffefffffffffffff, -1.7976931348623157e+308",
			"4340000000000000, 9007199254740992", "c340000000000000, -9007199254740992",
			"4430000000000000, 295147905179352830000", "44b52d02c7e14af5, 9.999999999999997e+22",
			"44b52d02c7e14af6, 1e+23", "44b52d02c7e14af7, 1.0000000000000001e+23",
			"444b1ae4d6e2ef4e, 999999999999999700000", "444b1ae4d6e2ef4f, 999999999999999900000",
			"444b1ae4d6e2ef50, 1e+21", "3eb0c6f7a0b5ed8c, 9.999999999999997e-7", "3eb0c6f7a0b5ed8d, 0.000001",
			"41b3de4355555553, 333333333.3333332", "41b3de4355555554, 333333333.33333325",
			"41b3de4355555555, 333333333.3333333", "41b3de4355555556, 333333333.3333334",
			"41b3de4355555557, 333333333.33333343", "becbf647612f3696, -0.0000033333333333333333",
			"43143ff3c1cb0959, 1424953923781206.2" })
	void rfc8785AppendixBNumbersSerializeAsTheRfcGives(String ieeeHex, String expected) {
		double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
		// Double.toString reads back as the very same double: a faithful input.
		assertThat(canonical(Double.toString(value))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "1e21, 1e+21", "1e-7, 1e-7", "0.000001, 0.000001", "123456789012345680000, 123456789012345680000",
			"1e20, 100000000000000000000", "0.1, 0.1", "-0, 0", "-0.0e5, 0", "1E30, 1e+30", "4.50, 4.5", "2e-3, 0.002",
			"1.5e-7, 1.5e-7", "123e-20, 1.23e-18", "100, 100", "-1.25, -1.25", "1e-400, 0",
			// JDK 17's Double.toString gives more digits for these (JDK-4511638).
			"2e23, 2e+23", "1.0E23, 1e+23", "2.82879384806159E17, 282879384806159000", "9.9e-324, 1e-323",
			// Subnormals and 17-digit values take the exact search rather than the JDK's
			// text.
			"2.225073858507201e-308, 2.225073858507201e-308", "0.30000000000000004, 0.30000000000000004" })
	void numbersFollowEcmaScriptNumberToString(String literal, String expected) {
		assertThat(canonical(literal)).isEqualTo(expected);
	}

	@Test
	void stringsEscapeOnlyQuoteBackslashAndControlCharacters() {
		String input = "\"\\u0000\\u001F\\b\\f\\n\\r\\t\\/\\u007f\\u2028\\u2029\\u00e9\\ud83d\\ude00<>&'\"";

		assertThat(canonical(input))
			.isEqualTo("\"\\u0000\\u001f\\b\\f\\n\\r\\t/\u007f\u2028\u2029\u00e9\ud83d\ude00<>&'\"");
	}

	@Test
	void nonAsciiTextIsWrittenAsUtf8() {
		byte[] input = "{\"k\u00e9\":\"\u20ac\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(CanonicalJson.canonicalize(input)).isEqualTo(input);
	}

	@Test
	void whitespaceIsRemovedAndLiteralsKept() {
		assertThat(canonical(" \t\r\n[ true , false ,null, { } ,[ ] , \"\" ]\n"))
			.isEqualTo("[true,false,null,{},[],\"\"]");
	}

	@Test
	void nestedObjectsAreSortedAtEveryLevel() {
		assertThat(canonical("{\"b\":{\"z\":1,\"y\":[{\"d\":1,\"c\":2}]},\"a\":0}"))
			.isEqualTo("{\"a\":0,\"b\":{\"y\":[{\"c\":2,\"d\":1}],\"z\":1}}");
	}

	@Test
	void rejectsDuplicateKeysAtTopLevel() {
		assertRejected("{\"officer\":\"a\",\"officer\":\"b\"}", "duplicate member name \"officer\" at byte 15");
	}

	@Test
	void rejectsDuplicateKeysInNestedObjects() {
		assertRejected("{\"a\":[{\"x\":1,\"y\":2,\"x\":3}]}", "duplicate member name \"x\"");
	}

	@Test
	void rejectsKeysThatAreDuplicatesOnceUnescaped() {
		assertRejected("{\"a\":1,\"\\u0061\":2}", "duplicate member name \"a\"");
	}

	@Test
	void acceptsTheSameKeyInSiblingObjects() {
		assertThat(canonical("[{\"a\":1},{\"a\":2}]")).isEqualTo("[{\"a\":1},{\"a\":2}]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\\ud800\"", "\"\\ud800x\"", "\"\\ud800\\u0041\"", "\"\\ud83d\\ud83d\"" })
	void rejectsLoneHighSurrogates(String input) {
		assertRejected(input, "lone high surrogate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\\udc00\"", "\"a\\ude00b\"" })
	void rejectsLoneLowSurrogates(String input) {
		assertRejected(input, "lone low surrogate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e400", "-1e400", "[1.8e308]", "179769313486231580793728971405303415079934132710037"
			+ "826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671"
			+ "505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292"
			+ "719074168444365510704342711559699508093042880177904174497792" })
	void rejectsNumbersBeyondTheDoubleRange(String input) {
		assertRejected(input, "beyond the range of an IEEE-754 double");
	}

	@Test
	void acceptsTheLargestDouble() {
		assertThat(canonical("1.7976931348623157e308")).isEqualTo("1.7976931348623157e+308");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{} x", "{}{}", "1 2", "\"a\" \"b\"", "[1]]", "null,", "true false" })
	void rejectsTrailingContent(String input) {
		assertRejected(input, "trailing content");
	}

	@Test
	void acceptsNestingUpToTheLimit() {
		String deepest = "[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH);

		assertThat(canonical(deepest)).isEqualTo(deepest);
	}

	@Test
	void rejectsNestingBeyondTheLimit() {
		String tooDeep = "{\"a\":".repeat(CanonicalJson.MAX_DEPTH) + "[]" + "}".repeat(CanonicalJson.MAX_DEPTH);

		assertRejected(tooDeep, "nesting deeper than 64 levels at byte " + 5 * CanonicalJson.MAX_DEPTH);
	}

	@Test
	void rejectsHostileDeepNestingWithoutOverflowingTheStack() {
		int levels = 100_000;

		assertRejected("[".repeat(levels) + "]".repeat(levels), "nesting deeper than 64 levels");
	}

	@Test
	void rejectsInputLargerThanTheLimit() {
		byte[] large = new byte[CanonicalJson.MAX_BYTES + 1];
		Arrays.fill(large, (byte) ' ');
		large[0] = '0';

		assertThatThrownBy(() -> CanonicalJson.canonicalize(large)).isInstanceOf(NotCanonicalizable.class)
			.hasMessageContaining("larger than the limit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "22 C3 28 22", "22 C0 AF 22", "22 E0 80 AF 22", "22 ED A0 80 22", "22 F4 90 80 80 22",
			"22 F5 80 80 80 22", "22 80 22", "22 E2 82", "22 E2 82 22", "22 FF 22" })
	void rejectsInvalidUtf8(String hexBytes) {
		assertThatThrownBy(() -> CanonicalJson.canonicalize(bytes(hexBytes))).isInstanceOf(NotCanonicalizable.class)
			.hasMessageContaining("invalid UTF-8")
			.hasMessageContaining("at byte");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "NaN", "Infinity",
			"-Infinity", "[1,]", "{\"a\":1,}", "[,1]", "{\"a\" 1}", "{a:1}", "{1:1}", "'a'", "\"a", "\"\\x\"",
			"\"\\u12\"", "\"\\u12g4\"", "tru", "nul", "True", "/* c */ 1", "1 // c", "[1 2]", "{\"a\":1 \"b\":2}",
			"\"tab\there\"", "\"line\nbreak\"", "\u00a01", "\ufeff{}" })
	void rejectsInvalidJson(String input) {
		assertThatThrownBy(() -> canonical(input)).isInstanceOf(NotCanonicalizable.class)
			.hasMessageContaining("at byte");
	}

	@Test
	void errorMessagesSayWhatAndWhere() {
		assertRejected("[1, 01]", "leading zero in number at byte 4");
		assertRejected("{\"a\":tru}", "expected the literal true at byte 5");
		assertRejected("[1", "unexpected end of input, expected ',' or ']' at byte 2");
		assertRejected("\"a\u0001\"", "unescaped control character U+0001 in string at byte 2");
	}

	@Test
	void canonicalizingIsIdempotent() {
		String pretty = """
				{
				  "z": [1.0, 2e2, -0.0, "\\u00e9\\t"],
				  "a": { "c": null, "b": true },
				  "\\ud83d\\ude00": 1E-7
				}
				""";
		byte[] once = CanonicalJson.canonicalize(pretty.getBytes(StandardCharsets.UTF_8));

		assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
	}

	@Test
	void canonicalOutputIsCanonical() {
		byte[] canonical = CanonicalJson
			.canonicalize("{ \"b\": 1.50, \"a\": [ 1e21 ] }".getBytes(StandardCharsets.UTF_8));

		assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("{\"a\":[1e+21],\"b\":1.5}");
		assertThat(CanonicalJson.isCanonical(canonical)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\n  \"a\": 1\n}", "{\"b\":1,\"a\":2}", "[1.0]", "\"\\u00e9\"", "\"\\/\"", "[1e+0]",
			"\"\\u001F\"", "{\"a\":1} ", "{\"a\":1,\"a\":1}", "not json" })
	void isCanonicalIsFalseForAnythingElse(String input) {
		assertThat(CanonicalJson.isCanonical(input.getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void randomDoublesGetShortestTextThatReadsBack() {
		Random random = new Random(8785);
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			// Any bit pattern: every exponent, subnormals included.
			values.add(Double.longBitsToDouble(random.nextLong()));
			// Subnormals only.
			values.add(Double.longBitsToDouble(random.nextLong() & 0x000F_FFFF_FFFF_FFFFL));
			// Ordinary magnitudes, where the ES layout switches between plain and e.
			values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(60) - 30));
			// Short decimals, which must come back short.
			values.add(random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12)));
		}
		int checked = 0;
		for (double value : values) {
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				continue;
			}
			String text = canonical(Double.toString(value));

			assertThat(text).as("layout of %s", value).matches(CANONICAL_NUMBER);
			assertThat(Double.parseDouble(text)).as("%s read back", text).isEqualTo((value == 0) ? 0.0 : value);
			assertThat(significantDigits(text)).as("digits of %s against %s", text, value)
				.isLessThanOrEqualTo(significantDigits(Double.toString(value)));
			assertThat(canonical(text)).as("fixed point").isEqualTo(text);
			checked++;
		}
		assertThat(checked).isGreaterThan(750);
	}

	@Test
	void aRecordIsCanonicalizedThroughTheWireMapper() {
		Signed record = new Signed("FR", 2, 0.5e-6, List.of("b", "a"), new Officer("de.mueller", true),
				Instant.parse("2026-03-29T01:30:01Z"));

		byte[] canonical = CanonicalJson.canonicalize((Object) record);

		assertThat(new String(canonical, StandardCharsets.UTF_8))
			.isEqualTo("{\"at\":\"2026-03-29T01:30:01Z\",\"officer\":{\"id\":\"de.mueller\",\"onDuty\":true},"
					+ "\"ratio\":5e-7,\"tags\":[\"b\",\"a\"],\"to\":\"FR\",\"version\":2}");
		assertThat(CanonicalJson.isCanonical(canonical)).isTrue();
	}

	@Test
	void aByteArrayPassedAsObjectIsRefused() {
		Object bytes = "{}".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> CanonicalJson.canonicalize(bytes)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("canonicalize(byte[])");
	}

	private static String canonical(String json) {
		return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

	private static void assertRejected(String json, String message) {
		assertThatThrownBy(() -> canonical(json)).isInstanceOf(NotCanonicalizable.class).hasMessageContaining(message);
	}

	private static byte[] bytes(String hex) {
		String[] parts = hex.split(" ");
		byte[] bytes = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			bytes[i] = (byte) Integer.parseInt(parts[i], 16);
		}
		return bytes;
	}

	/**
	 * Significant digits of a Java or ECMAScript number text: no sign, point, exponent.
	 */
	private static int significantDigits(String number) {
		String mantissa = number.split("[eE]")[0].replace("-", "").replace(".", "");
		String trimmed = mantissa.replaceAll("^0+", "").replaceAll("0+$", "");
		return Math.max(trimmed.length(), 1);
	}

	record Officer(String id, boolean onDuty) {
	}

	record Signed(String to, int version, double ratio, List<String> tags, Officer officer, Instant at) {
	}

}
