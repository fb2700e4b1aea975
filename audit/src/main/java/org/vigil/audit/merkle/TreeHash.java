package org.vigil.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hash functions of RFC 9162 §2.1.1 with SHA-256: a leaf is hashed with the prefix
 * {@code 0x00}, an interior node with {@code 0x01}, so that no leaf can pass for a node
 * (second preimage resistance), and the empty tree's hash is that of the empty string.
 */
public final class TreeHash {

	private static final Hash EMPTY = new Hash(sha256().digest());

	private TreeHash() {
	}

	/** MTH({}) = SHA-256(): the root of the empty tree. */
	public static Hash empty() {
		return EMPTY;
	}

	/** MTH({d}) = SHA-256(0x00 || d). */
	public static Hash leaf(byte[] entry) {
		Objects.requireNonNull(entry, "entry");
		MessageDigest digest = sha256();
		digest.update((byte) 0x00);
		digest.update(entry);
		return new Hash(digest.digest());
	}

	/** SHA-256(0x01 || left || right). */
	public static Hash node(Hash left, Hash right) {
		MessageDigest digest = sha256();
		digest.update((byte) 0x01);
		digest.update(left.raw());
		digest.update(right.raw());
		return new Hash(digest.digest());
	}

	/**
	 * The largest power of two smaller than {@code n}: where RFC 9162 splits a tree of
	 * {@code n > 1} leaves.
	 */
	static long split(long n) {
		if (n < 2) {
			throw new IllegalArgumentException("only a tree of 2 or more leaves is split, not " + n);
		}
		return Long.highestOneBit(n - 1);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
