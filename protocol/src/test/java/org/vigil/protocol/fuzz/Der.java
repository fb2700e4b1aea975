package org.vigil.protocol.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal, lenient reader and writer of DER tag-length-value trees, so that the fuzzer
 * can mutate a CMS document structurally (drop, duplicate, swap, retag or replace a node)
 * and still hand the verifier correct lengths, which gets mutations past the first parser
 * and into the later checks.
 *
 * <p>
 * Only single-byte tags and definite lengths are read. A constructed node whose content
 * does not read as a sequence of nodes is kept as an opaque primitive.
 */
final class Der {

	private Der() {
	}

	/** One node: a tag and either children (constructed) or content (primitive). */
	static final class Node {

		int tag;

		byte[] content;

		List<Node> children;

		Node(int tag, byte[] content) {
			this.tag = tag;
			this.content = content;
		}

		Node(int tag, List<Node> children) {
			this.tag = tag;
			this.children = children;
		}

		boolean constructed() {
			return this.children != null;
		}

		Node copy() {
			if (this.children == null) {
				return new Node(this.tag, this.content.clone());
			}
			List<Node> copies = new ArrayList<>();
			for (Node child : this.children) {
				copies.add(child.copy());
			}
			return new Node(this.tag, copies);
		}

		/** This node and all below it, depth first. */
		void collect(List<Node> into) {
			into.add(this);
			if (this.children != null) {
				for (Node child : this.children) {
					child.collect(into);
				}
			}
		}

	}

	/** The whole input as one node, or null if it is not exactly one readable node. */
	static Node read(byte[] der) {
		int[] pos = { 0 };
		Node node = readNode(der, pos, der.length, 0);
		return (node != null && pos[0] == der.length) ? node : null;
	}

	private static Node readNode(byte[] in, int[] pos, int end, int depth) {
		int at = pos[0];
		if (at + 2 > end || depth > 40) {
			return null;
		}
		int tag = in[at] & 0xFF;
		if ((tag & 0x1F) == 0x1F) {
			return null;
		}
		int first = in[at + 1] & 0xFF;
		int length;
		int offset = at + 2;
		if (first < 0x80) {
			length = first;
		}
		else {
			int count = first & 0x7F;
			if (count == 0 || count > 3 || offset + count > end) {
				return null;
			}
			length = 0;
			for (int i = 0; i < count; i++) {
				length = (length << 8) | (in[offset + i] & 0xFF);
			}
			offset += count;
		}
		if (offset + length > end) {
			return null;
		}
		pos[0] = offset + length;
		if ((tag & 0x20) != 0) {
			List<Node> children = new ArrayList<>();
			int[] inner = { offset };
			while (inner[0] < offset + length) {
				Node child = readNode(in, inner, offset + length, depth + 1);
				if (child == null) {
					return new Node(tag, java.util.Arrays.copyOfRange(in, offset, offset + length));
				}
				children.add(child);
			}
			return new Node(tag, children);
		}
		return new Node(tag, java.util.Arrays.copyOfRange(in, offset, offset + length));
	}

	static byte[] write(Node node) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(node, out);
		return out.toByteArray();
	}

	private static void write(Node node, ByteArrayOutputStream out) {
		byte[] content;
		if (node.children != null) {
			ByteArrayOutputStream inner = new ByteArrayOutputStream();
			for (Node child : node.children) {
				write(child, inner);
			}
			content = inner.toByteArray();
		}
		else {
			content = node.content;
		}
		out.write(node.tag);
		writeLength(content.length, out);
		out.writeBytes(content);
	}

	private static void writeLength(int length, ByteArrayOutputStream out) {
		if (length < 0x80) {
			out.write(length);
		}
		else if (length < 0x100) {
			out.write(0x81);
			out.write(length);
		}
		else if (length < 0x10000) {
			out.write(0x82);
			out.write(length >> 8);
			out.write(length);
		}
		else {
			out.write(0x83);
			out.write(length >> 16);
			out.write(length >> 8);
			out.write(length);
		}
	}

}
