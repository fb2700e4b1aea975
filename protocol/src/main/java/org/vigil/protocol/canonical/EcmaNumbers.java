package org.vigil.protocol.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Serializes a double the way ECMAScript's {@code Number::toString} does (ECMA-262
 * §7.1.12.1), which RFC 8785 §3.2.2.3 makes the canonical number form.
 *
 * <p>
 * The digits are the shortest decimal that reads back as the same double, and among
 * equally short ones the closest to it, ties going to the even one. JDK 17's
 * {@link Double#toString(double)} is not shortest (JDK-4511638, fixed in JDK 19), so the
 * digits are found here by an exact search with {@link BigDecimal}: slower than Ryu or
 * Schubfach, but short enough to check by reading, and signed records hold few numbers.
 */
final class EcmaNumbers {

	/** Below 2^53 every integer is a double, and its shortest form is its own digits. */
	private static final double EXACT_INTEGERS = 0x1p53;

	/** Seventeen significant digits always identify a double uniquely. */
	private static final int MAX_DIGITS = 17;

	/** Decimals of up to 15 significant digits survive a trip through a normal double. */
	private static final int SAFE_DIGITS = 15;

	/** Digits of the exact value kept for the search: more than it ever asks for. */
	private static final int GUARD_DIGITS = MAX_DIGITS + 3;

	private EcmaNumbers() {
	}

	/**
	 * The ECMAScript text of a finite double; both zeros give {@code "0"}.
	 * @throws IllegalArgumentException for NaN or an infinity, which JSON cannot hold
	 */
	static String toString(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("not a finite number: " + value);
		}
		if (value == 0) {
			// ECMAScript prints -0 as "0", so the sign of zero is not part of the form.
			return "0";
		}
		if (value < 0) {
			return "-" + toString(-value);
		}
		if (value < EXACT_INTEGERS && value == Math.rint(value)) {
			return Long.toString((long) value);
		}
		BigDecimal shortest = shortestRoundTrip(value).stripTrailingZeros();
		String digits = shortest.unscaledValue().toString();
		// value = digits × 10^(n - k), in the names ECMA-262 uses.
		int k = digits.length();
		int n = k - shortest.scale();
		return layout(digits, k, n);
	}

	/**
	 * The decimal with the fewest significant digits that parses back to the value,
	 * closest to the value among those, ties to an even last digit (ECMA-262 §7.1.12.1
	 * step 5 and its note).
	 *
	 * <p>
	 * JDK 17's {@link Double#toString(double)} parses back but is sometimes longer than
	 * needed, so it is the starting point, not the answer. When it has at most 15 digits
	 * and the value is normal, it is the answer: two decimals of at most 15 digits lie
	 * further apart than a normal double's spacing (10^15 &lt; 2^52), so no other such
	 * decimal, shorter or not, parses back to the same value.
	 *
	 * <p>
	 * Otherwise the search goes down from its length. The decimals that parse back to the
	 * value form an interval around it, as rounding to nearest is monotonic. So at a
	 * given precision only the two neighbours of the exact value can be closest, and if
	 * neither parses back no decimal of that precision does; and if none of a precision
	 * does, none of a lower one does, whose neighbours lie further out. The first
	 * precision that fails ends the search.
	 */
	private static BigDecimal shortestRoundTrip(double value) {
		String javaText = Double.toString(value);
		int precision = Math.min(significantDigits(javaText), MAX_DIGITS);
		if (precision <= SAFE_DIGITS && value >= Double.MIN_NORMAL) {
			return new BigDecimal(javaText);
		}
		Truncated truncated = Truncated.of(value);
		BigDecimal shortest = truncated.nearestReadingBack(value, precision);
		if (shortest == null) {
			// Not expected, as Double.toString is specified to parse back; 17 digits
			// always do.
			precision = MAX_DIGITS;
			shortest = truncated.nearestReadingBack(value, precision);
		}
		while (precision > 1) {
			BigDecimal shorter = truncated.nearestReadingBack(value, precision - 1);
			if (shorter == null) {
				break;
			}
			shortest = shorter;
			precision--;
		}
		return shortest;
	}

	private static boolean readsBackAs(BigDecimal decimal, double value) {
		// Double.parseDouble rounds correctly, to nearest even; it also accepts the
		// exponent notation that BigDecimal.toString may use.
		return Double.parseDouble(decimal.toString()) == value;
	}

	/**
	 * A positive double's exact decimal value cut to {@link #GUARD_DIGITS} digits, and
	 * whether anything was cut. The exact value of a subnormal has over 700 digits, and
	 * rounding it anew for every candidate is what made this search slow; the cut value
	 * decides every question the search asks about precisions up to {@link #MAX_DIGITS},
	 * as the comments below show.
	 */
	private record Truncated(BigDecimal digits, boolean inexact) {

		static Truncated of(double value) {
			BigDecimal exact = new BigDecimal(value);
			BigDecimal digits = exact.round(new MathContext(GUARD_DIGITS, RoundingMode.DOWN));
			return new Truncated(digits, digits.compareTo(exact) != 0);
		}

		/**
		 * The decimal of the given precision closest to the exact value that parses back
		 * to the value, ties to an even last digit; {@code null} if there is none.
		 */
		BigDecimal nearestReadingBack(double value, int precision) {
			// For a positive value the floor at p digits is its truncation, and
			// cutting at GUARD_DIGITS first, then at p, is the same as cutting at p.
			BigDecimal below = this.digits.round(new MathContext(precision, RoundingMode.DOWN));
			BigDecimal gap = below.ulp();
			BigDecimal rest = this.digits.subtract(below);
			boolean exact = rest.signum() == 0 && !this.inexact;
			BigDecimal above = exact ? below : below.add(gap);
			boolean belowReadsBack = readsBackAs(below, value);
			boolean aboveReadsBack = readsBackAs(above, value);
			if (belowReadsBack && aboveReadsBack && !exact) {
				// Half the gap is a whole number of units in the last kept place, as
				// precision < GUARD_DIGITS; so the part cut off moves the value past
				// the midpoint only when the cut value sits exactly on it.
				int side = rest.add(rest).compareTo(gap);
				if (side == 0 && this.inexact) {
					side = 1;
				}
				if (side != 0) {
					return (side < 0) ? below : above;
				}
				return below.unscaledValue().testBit(0) ? above : below;
			}
			if (belowReadsBack) {
				return below;
			}
			return aboveReadsBack ? above : null;
		}

	}

	/** The significant digits in Java's text of a positive double, such as 1.25E-7. */
	private static int significantDigits(String javaText) {
		int first = -1;
		int last = -1;
		for (int i = 0; i < javaText.length(); i++) {
			char c = javaText.charAt(i);
			if (c == 'E') {
				break;
			}
			if (c >= '1' && c <= '9') {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		// The span from the first to the last non-zero digit, less the point inside it.
		int span = last - first + 1;
		int point = javaText.indexOf('.');
		return (point > first && point < last) ? span - 1 : span;
	}

	/** ECMA-262 §7.1.12.1 steps 6 to 10: where the point goes, or whether to use e. */
	private static String layout(String digits, int k, int n) {
		StringBuilder text = new StringBuilder(k + 8);
		if (k <= n && n <= 21) {
			text.append(digits).append("0".repeat(n - k));
		}
		else if (0 < n && n <= 21) {
			text.append(digits, 0, n).append('.').append(digits, n, k);
		}
		else if (-6 < n && n <= 0) {
			text.append("0.").append("0".repeat(-n)).append(digits);
		}
		else {
			int exponent = n - 1;
			text.append(digits.charAt(0));
			if (k > 1) {
				text.append('.').append(digits, 1, k);
			}
			text.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
		}
		return text.toString();
	}

}
