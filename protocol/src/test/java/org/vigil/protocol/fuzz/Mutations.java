package org.vigil.protocol.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutations of byte strings: generic ones (bit flips, interesting bytes, truncations,
 * insertions, deletions, splices, duplications) and, for DER, structural ones that keep
 * the lengths right. Each returns a new array and never the input itself.
 */
final class Mutations {

	/** Bytes that mean something to a DER or JSON reader. */
	private static final byte[] INTERESTING = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x13, 0x17, 0x18, 0x1F,
			0x20, 0x30, 0x31, 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0x83, (byte) 0x84, (byte) 0x88,
			(byte) 0xA0, (byte) 0xA1, (byte) 0xA3, (byte) 0xC0, (byte) 0xFF, '"', '\\', '{', '}', '[', ']', ',', ':',
			'-', '0', '9', 'e', 'u' };

	/** Tags a structural mutation may give a node. */
	private static final int[] TAGS = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x13, 0x16, 0x17, 0x18, 0x30, 0x31,
			0x80, 0x81, 0xA0, 0xA1, 0xA2, 0xA3 };

	private Mutations() {
	}

	/** One to three generic mutations, stacked. */
	static byte[] bytes(byte[] input, byte[] donor, Random random) {
		byte[] out = input;
		// A mutation may leave the bytes as they were (a byte swapped with an equal one):
		// try again, a few times.
		for (int retry = 0; retry < 8 && Arrays.equals(out, input); retry++) {
			out = input;
			int rounds = 1 + random.nextInt(3);
			for (int i = 0; i < rounds; i++) {
				out = oneByteMutation(out, donor, random);
			}
		}
		return (out == input) ? input.clone() : out;
	}

	private static byte[] oneByteMutation(byte[] in, byte[] donor, Random random) {
		if (in.length == 0) {
			return randomBytes(random, 1 + random.nextInt(8));
		}
		if (donor.length == 0) {
			donor = in;
		}
		int at = random.nextInt(in.length);
		switch (random.nextInt(10)) {
			case 0, 1: {
				byte[] out = in.clone();
				out[at] ^= (byte) (1 << random.nextInt(8));
				return out;
			}
			case 2: {
				byte[] out = in.clone();
				out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
				return out;
			}
			case 3: {
				byte[] out = in.clone();
				out[at] += (byte) (random.nextBoolean() ? 1 : -1);
				return out;
			}
			case 4:
				return Arrays.copyOf(in, random.nextInt(in.length));
			case 5:
				return insert(in, at, randomBytes(random, 1 + random.nextInt(16)));
			case 6: {
				int length = 1 + random.nextInt(Math.min(32, in.length - at));
				return delete(in, at, length);
			}
			case 7: {
				// Splice: a slice of the donor overwrites or goes into the input.
				int from = random.nextInt(donor.length);
				int length = 1 + random.nextInt(Math.min(64, donor.length - from));
				byte[] slice = Arrays.copyOfRange(donor, from, from + length);
				if (random.nextBoolean()) {
					return insert(in, at, slice);
				}
				byte[] out = in.clone();
				System.arraycopy(slice, 0, out, at, Math.min(length, out.length - at));
				return out;
			}
			case 8: {
				int length = 1 + random.nextInt(Math.min(64, in.length - at));
				return insert(in, random.nextInt(in.length + 1), Arrays.copyOfRange(in, at, at + length));
			}
			default: {
				byte[] out = in.clone();
				int other = random.nextInt(in.length);
				byte swap = out[at];
				out[at] = out[other];
				out[other] = swap;
				return out;
			}
		}
	}

	/**
	 * One to two structural mutations of a DER value, re-encoded with right lengths; a
	 * generic mutation if the input does not read as DER.
	 */
	static byte[] der(byte[] input, Random random) {
		Der.Node root = Der.read(input);
		if (root == null) {
			return bytes(input, input, random);
		}
		// A mutation may leave the bytes as they were (a node swapped with itself): try
		// again, a few times.
		for (int retry = 0; retry < 8; retry++) {
			Der.Node mutated = root.copy();
			int rounds = 1 + random.nextInt(2);
			for (int i = 0; i < rounds; i++) {
				oneStructuralMutation(mutated, random);
			}
			byte[] out = Der.write(mutated);
			if (!Arrays.equals(out, input)) {
				return out;
			}
		}
		return bytes(input, input, random);
	}

	private static void oneStructuralMutation(Der.Node root, Random random) {
		List<Der.Node> nodes = new ArrayList<>();
		root.collect(nodes);
		Der.Node node = nodes.get(random.nextInt(nodes.size()));
		List<Der.Node> constructed = nodes.stream().filter(Der.Node::constructed).toList();
		if (constructed.isEmpty()) {
			node.content = bytes(node.content, node.content, random);
			return;
		}
		Der.Node parent = constructed.get(random.nextInt(constructed.size()));
		switch (random.nextInt(9)) {
			case 0 -> node.tag = TAGS[random.nextInt(TAGS.length)];
			case 1 -> {
				if (!node.constructed()) {
					node.content = bytes(node.content, node.content, random);
				}
				else {
					node.tag ^= 0x01;
				}
			}
			case 2 -> {
				node.children = null;
				node.content = randomBytes(random, random.nextInt(12));
			}
			case 3 -> {
				if (!parent.children.isEmpty()) {
					parent.children.remove(random.nextInt(parent.children.size()));
				}
			}
			case 4 -> {
				if (!parent.children.isEmpty()) {
					Der.Node twin = parent.children.get(random.nextInt(parent.children.size())).copy();
					parent.children.add(random.nextInt(parent.children.size() + 1), twin);
				}
			}
			case 5 -> {
				if (parent.children.size() > 1) {
					int a = random.nextInt(parent.children.size());
					int b = random.nextInt(parent.children.size());
					Der.Node swap = parent.children.get(a);
					parent.children.set(a, parent.children.get(b));
					parent.children.set(b, swap);
				}
			}
			case 6 -> {
				// Graft a copy of some other node in place of this one.
				Der.Node graft = nodes.get(random.nextInt(nodes.size())).copy();
				node.tag = graft.tag;
				node.content = graft.content;
				node.children = graft.children;
			}
			case 7 -> parent.children.add(random.nextInt(parent.children.size() + 1), smallNode(random));
			default -> {
				// Integers and OIDs at their edges: empty, zero, negative, huge, padded.
				if (!node.constructed()) {
					node.content = switch (random.nextInt(5)) {
						case 0 -> new byte[0];
						case 1 -> new byte[] { 0 };
						case 2 -> new byte[] { (byte) 0x80 };
						case 3 -> randomBytes(random, 40 + random.nextInt(200));
						default -> insert(node.content, 0, new byte[] { 0 });
					};
				}
			}
		}
	}

	private static Der.Node smallNode(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> new Der.Node(0x05, new byte[0]);
			case 1 -> new Der.Node(0x30, new ArrayList<>());
			case 2 -> new Der.Node(0x02, new byte[] { (byte) random.nextInt(128) });
			case 3 -> new Der.Node(0x06, new byte[] { 0x2A, (byte) 0x86, 0x48 });
			default -> new Der.Node(0x04, randomBytes(random, random.nextInt(40)));
		};
	}

	/** Tokens a JSON mutation may insert or put in place of a byte. */
	private static final String[] JSON_TOKENS = { "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud800", "\\udc00",
			"\\ud83d\\ude00", "\\u0000", "\\x", "\"a\":1", "\"id\":", "1e400", "-1e-400", "-0", "0.0", "1E+2", "01",
			"1.", ".5", "+1", "NaN", "Infinity", "true", "false", "null", "nul", "\u00e9", "\u2028", "\ud83d\ude00",
			" ", "\t", "\n", "\r", "\u00a0", "/*", "//", "'", "[[[[[[[[[[", "]]]]]]]]]]", "{\"a\":{\"a\":{\"a\":",
			"9007199254740993", "4.9e-324", "1.7976931348623157e308" };

	/** Raw bytes that are not valid UTF-8, or edge cases of it. */
	private static final byte[][] JSON_BYTES = { { (byte) 0xC0, (byte) 0x80 },
			{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
			{ (byte) 0xFF }, { (byte) 0xE2, (byte) 0x82 }, { (byte) 0xEF, (byte) 0xBF, (byte) 0xBF },
			{ (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, { 0x00 }, { 0x1F } };

	/** One to three mutations of a JSON text, generic or with JSON tokens. */
	static byte[] json(byte[] input, byte[] donor, Random random) {
		byte[] out = input;
		int rounds = 1 + random.nextInt(3);
		for (int i = 0; i < rounds; i++) {
			int at = random.nextInt(out.length + 1);
			out = switch (random.nextInt(6)) {
				case 0 ->
					insert(out, at, JSON_TOKENS[random.nextInt(JSON_TOKENS.length)].getBytes(StandardCharsets.UTF_8));
				case 1 -> {
					byte[] token = JSON_TOKENS[random.nextInt(JSON_TOKENS.length)].getBytes(StandardCharsets.UTF_8);
					byte[] replaced = insert(out, at, token);
					yield (at < out.length) ? delete(replaced, at + token.length, 1) : replaced;
				}
				case 2 -> insert(out, at, JSON_BYTES[random.nextInt(JSON_BYTES.length)]);
				default -> bytes(out, donor, random);
			};
		}
		return (out == input) ? input.clone() : out;
	}

	static byte[] randomBytes(Random random, int length) {
		byte[] out = new byte[length];
		random.nextBytes(out);
		return out;
	}

	static byte[] insert(byte[] in, int at, byte[] what) {
		byte[] out = new byte[in.length + what.length];
		System.arraycopy(in, 0, out, 0, at);
		System.arraycopy(what, 0, out, at, what.length);
		System.arraycopy(in, at, out, at + what.length, in.length - at);
		return out;
	}

	static byte[] delete(byte[] in, int at, int length) {
		byte[] out = new byte[in.length - length];
		System.arraycopy(in, 0, out, 0, at);
		System.arraycopy(in, at + length, out, at, in.length - at - length);
		return out;
	}

}
