package org.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link MerkleTree} keeps its hashes: the leaf hashes and the hash of every
 * complete (perfect) subtree, append-only. The node at {@code (level, index)} is the hash
 * of the perfect subtree over the leaves {@code [index·2^level, (index+1)·2^level)};
 * level 0 holds the leaf hashes. A tree of {@code n} leaves holds {@code n >> level}
 * nodes at each level: fewer than {@code 2n} hashes in all.
 *
 * <p>
 * The in-memory {@link InMemoryTreeStore} is one implementation; a Redis hash or a file
 * of fixed-size records fits the same contract. Everything stored is derived from the
 * entries, so a store can be wiped and refilled by appending the entries again.
 */
public interface TreeStore {

	/** The number of leaves stored. */
	long size();

	/**
	 * The hash of a perfect subtree.
	 * @param level 0 for a leaf hash
	 * @param index the subtree's position at that level
	 * @return the hash
	 * @throws IndexOutOfBoundsException unless {@code index < size() >> level}
	 */
	Hash node(int level, long index);

	/**
	 * Appends one leaf, atomically with the subtrees it completes.
	 * @param nodes the new leaf hash, then the hash of each perfect subtree it completes,
	 * level by level: {@code nodes.get(l)} is the node at {@code (l, size() >> l)} of the
	 * tree after the append
	 */
	void append(List<Hash> nodes);

	/**
	 * Several nodes at once, in the order asked; a store that pays a round trip per read
	 * answers in one. The default reads them one by one.
	 * @throws IndexOutOfBoundsException as {@link #node} does
	 */
	default List<Hash> nodes(List<Address> addresses) {
		List<Hash> hashes = new ArrayList<>(addresses.size());
		addresses.forEach((address) -> hashes.add(node(address.level(), address.index())));
		return hashes;
	}

	/**
	 * Whether {@link #nodes} is much cheaper than as many {@link #node} calls (a round
	 * trip each), so that proofs should name their nodes first and read them at once.
	 * False by default: for a store in memory the dry run that names them would cost more
	 * than it saves.
	 */
	default boolean prefersBatchedReads() {
		return false;
	}

	/** Where a node is: {@code (level, index)} as {@link #node} takes them. */
	record Address(int level, long index) {
	}

}
