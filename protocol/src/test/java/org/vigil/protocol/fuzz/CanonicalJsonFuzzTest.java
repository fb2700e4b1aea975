package org.vigil.protocol.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigil.protocol.Requests;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.canonical.NotCanonicalizable;
import org.vigil.protocol.json.WireJson;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes {@link CanonicalJson#canonicalize(byte[])}.
 * <ul>
 * <li>On mutated JSON it throws {@link NotCanonicalizable} and nothing else, or returns
 * UTF-8 that is its own canonical form (idempotence), in bounded time.</li>
 * <li>On generated valid JSON it succeeds, and every spelling of the same value (member
 * order, whitespace, string escapes, number notation) has the same canonical form.</li>
 * </ul>
 * Budget and seed: {@link FuzzSettings}.
 */
class CanonicalJsonFuzzTest {

	private static final Duration PROPERTY_LIMIT = Duration.ofSeconds(60);

	/** Valid JSON texts to mutate. */
	static final List<byte[]> CORPUS = List.of(Envelopes.REQUEST,
			WireJson.write(Requests.urgentPreservation("DE", "FR")), utf8("""
					{
					  "numbers" : [ 0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345680000, 9007199254740993,
					                4.9e-324, 1.7976931348623157e308, 1E+2, 2.5e-3, 1e-400 ],
					  "strings" : [ "", "\\u0000\\u001f\\u007f", "\\"\\\\\\/\\b\\f\\n\\r\\t", "é€😀",
					                "\\ud83d\\ude00", "\\u2028\\u2029", "\\uffff", "\\u00E9" ],
					  "nested" : { "b" : { "a" : { "c" : [ [], {}, [ {} ] ] } } },
					  "literals" : [ true, false, null ],
					  "\\u00e9" : 1, "e\\u0301" : 2, "\\ud83d\\ude00" : 3, "\\uff61" : 4
					}
					"""), utf8("[".repeat(60) + "]".repeat(60)), utf8("{\"a\":".repeat(30) + "null" + "}".repeat(30)),
			utf8("\"just a string\""), utf8("-12.5e-3"), utf8("true"));

	@Test
	void mutatedJsonIsRefusedOrCanonicalizedIdempotently() {
		String property = "json-mutated";
		int tries = FuzzSettings.tries(1500);
		Findings findings = new Findings(property);
		int[] accepted = { 0 };
		assertTimeoutPreemptively(PROPERTY_LIMIT.multipliedBy(tries / 1500), () -> {
			Random random = FuzzSettings.random(property);
			for (int attempt = 0; attempt < tries; attempt++) {
				byte[] seed = CORPUS.get(random.nextInt(CORPUS.size()));
				byte[] donor = CORPUS.get(random.nextInt(CORPUS.size()));
				byte[] input = Mutations.json(seed, donor, random);
				if (Oracles.checkCanonicalize(input, attempt, findings) != null) {
					accepted[0]++;
				}
			}
		});
		System.out.println("fuzz " + property + ": " + tries + " tries, seed " + FuzzSettings.seed() + ", "
				+ accepted[0] + " still canonicalizable");
		findings.assertNone();
	}

	@Test
	void everySpellingOfAGeneratedValueHasTheSameCanonicalForm() {
		String property = "json-generated";
		int tries = FuzzSettings.tries(500);
		Findings findings = new Findings(property);
		assertTimeoutPreemptively(PROPERTY_LIMIT.multipliedBy(tries / 500), () -> {
			Random random = FuzzSettings.random(property);
			for (int attempt = 0; attempt < tries; attempt++) {
				Object value = value(random, 0);
				byte[] first = utf8(spell(value, random));
				byte[] second = utf8(spell(value, random));
				byte[] canonical = Oracles.checkCanonicalize(first, attempt, findings);
				if (canonical == null) {
					if (findings.count() == 0) {
						findings.add(attempt, first, "valid JSON was refused: " + refusal(first), null);
					}
					continue;
				}
				byte[] other = Oracles.checkCanonicalize(second, attempt, findings);
				if (other != null && !Arrays.equals(canonical, other)) {
					findings.add(attempt, second,
							"two spellings of one value differ: " + new String(canonical, StandardCharsets.UTF_8)
									+ " from " + new String(first, StandardCharsets.UTF_8) + " but "
									+ new String(other, StandardCharsets.UTF_8),
							null);
				}
				// Any strict reader reads the canonical form.
				WireJson.mapper().readTree(canonical);
			}
		});
		System.out.println("fuzz " + property + ": " + tries + " tries, seed " + FuzzSettings.seed());
		findings.assertNone();
	}

	private static String refusal(byte[] json) {
		try {
			CanonicalJson.canonicalize(json);
			return "(not refused)";
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
	}

	// ------------------------------------------------------------------ generated values

	/**
	 * A random JSON value: a Map (unique names), a List, a String (no lone surrogates), a
	 * Double (finite), a Long (within 2^53), a Boolean or null.
	 */
	private static Object value(Random random, int depth) {
		int kind = random.nextInt((depth < 5) ? 8 : 6);
		return switch (kind) {
			case 0 -> random.nextBoolean();
			case 1 -> null;
			case 2 -> string(random);
			case 3 -> random.nextLong() >> (11 + random.nextInt(52));
			case 4 -> number(random);
			case 5 -> (random.nextInt(4) == 0) ? (Object) number(random) : string(random);
			case 6 -> {
				List<Object> list = new ArrayList<>();
				int size = random.nextInt(5);
				for (int i = 0; i < size; i++) {
					list.add(value(random, depth + 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				int size = random.nextInt(5);
				for (int i = 0; i < size; i++) {
					map.put(string(random), value(random, depth + 1));
				}
				yield map;
			}
		};
	}

	private static double number(Random random) {
		double value;
		do {
			value = switch (random.nextInt(4)) {
				case 0 -> Double.longBitsToDouble(random.nextLong());
				case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
				case 2 -> (random.nextInt(2_000_001) - 1_000_000) / 1000.0;
				default -> new double[] { 0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 1e-7, 9007199254740992.0,
						0.1 + 0.2, 5e-324 }[random.nextInt(9)];
			};
		}
		while (Double.isNaN(value) || Double.isInfinite(value));
		return value;
	}

	private static String string(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(8);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(6)) {
				case 0 -> text.append((char) random.nextInt(0x20));
				case 1 -> text.append("\"\\/\u007f\u2028\uffff\u00e9".charAt(random.nextInt(7)));
				case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
				case 3 -> {
					char c = (char) (0x80 + random.nextInt(0xFF80));
					text.append(Character.isSurrogate(c) ? 'x' : c);
				}
				default -> text.append((char) (0x20 + random.nextInt(0x5F)));
			}
		}
		return text.toString();
	}

	// ------------------------------------------------------------------ spellings

	private static String spell(Object value, Random random) {
		StringBuilder out = new StringBuilder();
		space(out, random);
		spell(value, random, out);
		space(out, random);
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	private static void spell(Object value, Random random, StringBuilder out) {
		if (value == null || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof String text) {
			spellString(text, random, out);
		}
		else if (value instanceof Long number) {
			spellLong(number, random, out);
		}
		else if (value instanceof Double number) {
			spellDouble(number, random, out);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				space(out, random);
				spell(list.get(i), random, out);
				space(out, random);
			}
			out.append(']');
		}
		else {
			List<Map.Entry<String, Object>> members = new ArrayList<>(((Map<String, Object>) value).entrySet());
			Collections.shuffle(members, random);
			out.append('{');
			for (int i = 0; i < members.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				space(out, random);
				spellString(members.get(i).getKey(), random, out);
				space(out, random);
				out.append(':');
				space(out, random);
				spell(members.get(i).getValue(), random, out);
				space(out, random);
			}
			out.append('}');
		}
	}

	private static void space(StringBuilder out, Random random) {
		while (random.nextInt(4) == 0) {
			out.append(" \t\n\r".charAt(random.nextInt(4)));
		}
	}

	private static void spellString(String text, Random random, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				// A pair is escaped as two escapes, or written as the one UTF-8
				// character.
				char low = text.charAt(++i);
				if (random.nextInt(3) == 0) {
					out.append(String.format("\\u%04x\\u%04X", (int) c, (int) low));
				}
				else {
					out.append(c).append(low);
				}
				continue;
			}
			boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
			String shortEscape = switch (c) {
				case '"' -> "\\\"";
				case '\\' -> "\\\\";
				case '/' -> "\\/";
				case '\b' -> "\\b";
				case '\f' -> "\\f";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				case '\t' -> "\\t";
				default -> null;
			};
			if (!mustEscape && random.nextInt(5) != 0) {
				out.append(c);
			}
			else if (shortEscape != null && random.nextBoolean()) {
				out.append(shortEscape);
			}
			else {
				out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
			}
		}
		out.append('"');
	}

	private static void spellLong(long number, Random random, StringBuilder out) {
		switch (random.nextInt(4)) {
			case 0 -> out.append(number).append(".0");
			case 1 -> out.append(number).append((random.nextBoolean()) ? "e0" : "E+0");
			case 2 -> out.append(new BigDecimal(number).movePointLeft(3).toPlainString()).append("e3");
			default -> out.append(number);
		}
	}

	private static void spellDouble(double number, Random random, StringBuilder out) {
		if (number == 0) {
			out.append((Double.doubleToRawLongBits(number) < 0) ? "-0" : "0");
			return;
		}
		switch (random.nextInt(3)) {
			// The exact decimal value of the double, which rounds back to it.
			case 0 -> out.append(new BigDecimal(number).toString());
			// Shortest round-trip digits, as Java writes them (e.g. 1.0E-5).
			case 1 -> out.append(Double.toString(number));
			default -> out.append(new BigDecimal(number).toString().toLowerCase());
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
