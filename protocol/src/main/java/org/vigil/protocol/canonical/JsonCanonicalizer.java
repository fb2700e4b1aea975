package org.vigil.protocol.canonical;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strict recursive-descent reader of RFC 8259 JSON that writes the RFC 8785 form as it
 * goes. One instance reads one input; it is not thread-safe.
 *
 * <p>
 * Written by hand rather than on Jackson so that strictness is visible in one place:
 * every byte is checked against the JSON grammar and UTF-8, with no lenient feature to
 * forget to switch off, and every error can name its byte offset.
 */
final class JsonCanonicalizer {

	private static final int MAX_SHOWN = 40;

	private final byte[] in;

	private final int maxDepth;

	private int pos;

	JsonCanonicalizer(byte[] in, int maxDepth) {
		this.in = in;
		this.maxDepth = maxDepth;
	}

	/** The canonical text of the single JSON value that is the whole input. */
	String canonicalize() {
		StringBuilder out = new StringBuilder(this.in.length);
		skipWhitespace();
		value(out, 0);
		skipWhitespace();
		if (this.pos < this.in.length) {
			throw error("trailing content after the JSON value: " + describe(this.pos), this.pos);
		}
		return out.toString();
	}

	private void value(StringBuilder out, int depth) {
		if (this.pos >= this.in.length) {
			throw endOfInput("a JSON value");
		}
		int b = this.in[this.pos];
		switch (b) {
			case '{' -> object(out, depth + 1);
			case '[' -> array(out, depth + 1);
			case '"' -> writeString(out, string());
			case 't' -> literal(out, "true");
			case 'f' -> literal(out, "false");
			case 'n' -> literal(out, "null");
			default -> {
				if (b == '-' || (b >= '0' && b <= '9')) {
					out.append(EcmaNumbers.toString(number()));
				}
				else {
					throw error("expected a JSON value but found " + describe(this.pos), this.pos);
				}
			}
		}
	}

	private void object(StringBuilder out, int depth) {
		checkDepth(depth);
		this.pos++;
		// String.compareTo orders by UTF-16 code units, which is what RFC 8785 §3.2.3
		// prescribes; each member's canonical text is kept until all are known.
		Map<String, String> members = new TreeMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.pos++;
			out.append("{}");
			return;
		}
		while (true) {
			if (peek() != '"') {
				throw expected("a member name in double quotes");
			}
			int nameAt = this.pos;
			String name = string();
			if (members.containsKey(name)) {
				// Two readers of a duplicated name could disagree on the value: I-JSON
				// (RFC 7493 §2.3) forbids it, and so must a signature.
				throw error("duplicate member name " + quoted(name), nameAt);
			}
			skipWhitespace();
			expect(':');
			skipWhitespace();
			StringBuilder member = new StringBuilder();
			value(member, depth);
			members.put(name, member.toString());
			skipWhitespace();
			int next = peek();
			if (next == '}') {
				this.pos++;
				break;
			}
			if (next != ',') {
				throw expected("',' or '}'");
			}
			this.pos++;
			skipWhitespace();
		}
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, String> member : members.entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			writeString(out, member.getKey());
			out.append(':').append(member.getValue());
		}
		out.append('}');
	}

	private void array(StringBuilder out, int depth) {
		checkDepth(depth);
		this.pos++;
		out.append('[');
		skipWhitespace();
		if (peek() == ']') {
			this.pos++;
			out.append(']');
			return;
		}
		while (true) {
			value(out, depth);
			skipWhitespace();
			int next = peek();
			if (next == ']') {
				this.pos++;
				break;
			}
			if (next != ',') {
				throw expected("',' or ']'");
			}
			this.pos++;
			out.append(',');
			skipWhitespace();
		}
		out.append(']');
	}

	private void checkDepth(int depth) {
		if (depth > this.maxDepth) {
			throw error("nesting deeper than " + this.maxDepth + " levels", this.pos);
		}
	}

	private void literal(StringBuilder out, String word) {
		int at = this.pos;
		for (int i = 0; i < word.length(); i++) {
			if (at + i >= this.in.length || this.in[at + i] != word.charAt(i)) {
				throw error("expected the literal " + word, at);
			}
		}
		this.pos += word.length();
		out.append(word);
	}

	/**
	 * Reads a number token as RFC 8259 §6 spells it (no '+', no leading zeros, no bare
	 * '.') and rounds it to the nearest double, as ECMAScript's JSON.parse does.
	 */
	private double number() {
		int start = this.pos;
		if (peek() == '-') {
			this.pos++;
		}
		if (peek() == '0') {
			this.pos++;
			if (isDigit(peek())) {
				throw error("leading zero in number", start);
			}
		}
		else if (!digits()) {
			throw expected("a digit");
		}
		if (peek() == '.') {
			this.pos++;
			if (!digits()) {
				throw expected("a digit after the decimal point");
			}
		}
		if (peek() == 'e' || peek() == 'E') {
			this.pos++;
			if (peek() == '+' || peek() == '-') {
				this.pos++;
			}
			if (!digits()) {
				throw expected("a digit in the exponent");
			}
		}
		String text = new String(this.in, start, this.pos - start, StandardCharsets.US_ASCII);
		double value = Double.parseDouble(text);
		if (Double.isInfinite(value)) {
			// I-JSON numbers are IEEE-754 doubles; this one has no such value.
			throw error("number " + shorten(text) + " is beyond the range of an IEEE-754 double", start);
		}
		// A tiny non-zero literal that rounds to zero is accepted, as JSON.parse does:
		// zero is the double nearest to it, as 0.1 stands for the double nearest 0.1.
		return value;
	}

	private boolean digits() {
		int start = this.pos;
		while (isDigit(peek())) {
			this.pos++;
		}
		return this.pos > start;
	}

	private static boolean isDigit(int b) {
		return b >= '0' && b <= '9';
	}

	/** Reads a string token, decoding escapes and UTF-8 into UTF-16. */
	private String string() {
		int start = this.pos;
		this.pos++;
		StringBuilder text = new StringBuilder();
		while (true) {
			if (this.pos >= this.in.length) {
				throw error("unterminated string", start);
			}
			int b = this.in[this.pos] & 0xFF;
			if (b == '"') {
				this.pos++;
				return text.toString();
			}
			if (b == '\\') {
				escape(text);
			}
			else if (b < 0x20) {
				throw error("unescaped control character U+00" + hex2(b) + " in string", this.pos);
			}
			else if (b < 0x80) {
				text.append((char) b);
				this.pos++;
			}
			else {
				text.appendCodePoint(utf8Sequence(b));
			}
		}
	}

	private void escape(StringBuilder text) {
		int at = this.pos;
		if (at + 1 >= this.in.length) {
			throw error("unterminated escape", at);
		}
		int c = this.in[at + 1];
		this.pos += 2;
		switch (c) {
			case '"' -> text.append('"');
			case '\\' -> text.append('\\');
			case '/' -> text.append('/');
			case 'b' -> text.append('\b');
			case 'f' -> text.append('\f');
			case 'n' -> text.append('\n');
			case 'r' -> text.append('\r');
			case 't' -> text.append('\t');
			case 'u' -> unicodeEscape(text, at);
			default -> throw error("invalid escape \\" + printable(c), at);
		}
	}

	/**
	 * A {@code \}{@code uXXXX} escape. A surrogate must come as a high one escaped right
	 * before a low one: I-JSON (RFC 7493 §2.1) and RFC 8785 §3.2.2.2 reject lone
	 * surrogates, which have no UTF-8 form to sign.
	 */
	private void unicodeEscape(StringBuilder text, int at) {
		char unit = hex4(at);
		if (Character.isLowSurrogate(unit)) {
			throw error("lone low surrogate \\u" + hex4Text(unit), at);
		}
		if (Character.isHighSurrogate(unit)) {
			int lowAt = this.pos;
			if (lowAt + 1 >= this.in.length || this.in[lowAt] != '\\' || this.in[lowAt + 1] != 'u') {
				throw error("lone high surrogate \\u" + hex4Text(unit), at);
			}
			this.pos += 2;
			char low = hex4(lowAt);
			if (!Character.isLowSurrogate(low)) {
				throw error("lone high surrogate \\u" + hex4Text(unit), at);
			}
			text.append(unit).append(low);
			return;
		}
		text.append(unit);
	}

	/** Four hex digits at {@code pos}, for the escape that starts at {@code at}. */
	private char hex4(int at) {
		if (this.pos + 4 > this.in.length) {
			throw error("truncated \\u escape", at);
		}
		int unit = 0;
		for (int i = 0; i < 4; i++) {
			int digit = Character.digit(this.in[this.pos + i], 16);
			if (digit < 0) {
				throw error("invalid hex digit in \\u escape", at);
			}
			unit = (unit << 4) | digit;
		}
		this.pos += 4;
		return (char) unit;
	}

	/**
	 * One multi-byte UTF-8 sequence whose lead byte is {@code lead}, checked per RFC
	 * 3629: no overlong forms, no encoded surrogates, nothing above U+10FFFF.
	 */
	private int utf8Sequence(int lead) {
		int at = this.pos;
		int continuation;
		int codePoint;
		int smallest;
		if (lead >= 0xC2 && lead <= 0xDF) {
			continuation = 1;
			codePoint = lead & 0x1F;
			smallest = 0x80;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			continuation = 2;
			codePoint = lead & 0x0F;
			smallest = 0x800;
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			continuation = 3;
			codePoint = lead & 0x07;
			smallest = 0x10000;
		}
		else {
			throw error("invalid UTF-8: byte 0x" + hex2(lead) + " cannot start a character", at);
		}
		for (int i = 1; i <= continuation; i++) {
			if (at + i >= this.in.length) {
				throw error("invalid UTF-8: truncated sequence", at);
			}
			int b = this.in[at + i] & 0xFF;
			if ((b & 0xC0) != 0x80) {
				throw error("invalid UTF-8: byte 0x" + hex2(b) + " is not a continuation byte", at + i);
			}
			codePoint = (codePoint << 6) | (b & 0x3F);
		}
		if (codePoint < smallest) {
			throw error("invalid UTF-8: overlong encoding", at);
		}
		if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
			throw error("invalid UTF-8: encoded surrogate", at);
		}
		if (codePoint > Character.MAX_CODE_POINT) {
			throw error("invalid UTF-8: beyond U+10FFFF", at);
		}
		this.pos += continuation + 1;
		return codePoint;
	}

	/**
	 * Writes a string as RFC 8785 §3.2.2.2 (ECMAScript JSON.stringify) does: only '"',
	 * '\' and U+0000 to U+001F are escaped, with the short forms where they exist;
	 * everything else, '/', DEL and U+2028 included, is written as itself.
	 */
	static void writeString(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(hex2(c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private void skipWhitespace() {
		while (this.pos < this.in.length) {
			int b = this.in[this.pos];
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return;
			}
			this.pos++;
		}
	}

	/** The byte at {@code pos}, or -1 at the end; never advances. */
	private int peek() {
		return (this.pos < this.in.length) ? this.in[this.pos] & 0xFF : -1;
	}

	private void expect(char c) {
		if (peek() != c) {
			throw expected("'" + c + "'");
		}
		this.pos++;
	}

	private NotCanonicalizable expected(String what) {
		if (this.pos >= this.in.length) {
			return endOfInput(what);
		}
		return error("expected " + what + " but found " + describe(this.pos), this.pos);
	}

	private NotCanonicalizable endOfInput(String what) {
		return error("unexpected end of input, expected " + what, this.pos);
	}

	private static NotCanonicalizable error(String what, int at) {
		return new NotCanonicalizable(what + " at byte " + at);
	}

	private String describe(int at) {
		return printable(this.in[at]);
	}

	/** A byte as it can safely go in a message: printable ASCII quoted, else in hex. */
	private static String printable(int b) {
		int unsigned = b & 0xFF;
		return (unsigned >= 0x20 && unsigned < 0x7F) ? "'" + (char) unsigned + "'" : "byte 0x" + hex2(unsigned);
	}

	/** A member name as it can safely go in a message or a log: escaped and cut short. */
	private static String quoted(String name) {
		StringBuilder out = new StringBuilder();
		String shown = (name.length() > MAX_SHOWN) ? name.substring(0, MAX_SHOWN) : name;
		if (!shown.isEmpty() && Character.isHighSurrogate(shown.charAt(shown.length() - 1))) {
			shown = shown.substring(0, shown.length() - 1);
		}
		writeString(out, shown);
		return (shown.length() < name.length()) ? out + "..." : out.toString();
	}

	private static String shorten(String text) {
		return (text.length() > MAX_SHOWN) ? text.substring(0, MAX_SHOWN) + "..." : text;
	}

	private static String hex2(int b) {
		return Character.forDigit(b >> 4 & 0xF, 16) + "" + Character.forDigit(b & 0xF, 16);
	}

	private static String hex4Text(char unit) {
		return hex2(unit >> 8) + hex2(unit & 0xFF);
	}

}
