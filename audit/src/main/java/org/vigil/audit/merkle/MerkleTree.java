package org.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An append-only RFC 9162 §2.1 Merkle tree over a {@link TreeStore}: the Merkle Tree Hash
 * of any prefix of the leaves, and inclusion and consistency proofs between any sizes up
 * to the current one.
 *
 * <h2>Cost</h2>
 * <ul>
 * <li>{@link #append}: one leaf hash and, amortized, one node hash (at most
 * {@code log2 n}); one store write.</li>
 * <li>{@link #root}, {@link #inclusionProof}, {@link #consistencyProof}: O(log n) store
 * reads and O(log n) hashing. Every subtree the RFC's recursion names is either perfect,
 * and read from the store, or lies on the right edge of a tree; a proof holds at most one
 * right-edge subtree that is not perfect (once the recursion turns into a left subtree,
 * every subtree below is perfect), and its hash is folded from the at most {@code log2 n}
 * perfect subtrees that tile it.</li>
 * </ul>
 *
 * <p>
 * Not thread-safe: one writer at a time, and readers must not race it (the {@code Ledger}
 * serializes both).
 */
public final class MerkleTree {

	private final TreeStore store;

	/** A tree over the store's leaves; an empty store gives an empty tree. */
	public MerkleTree(TreeStore store) {
		this.store = Objects.requireNonNull(store, "store");
	}

	/** A tree in memory. */
	public static MerkleTree inMemory() {
		return new MerkleTree(new InMemoryTreeStore());
	}

	/** The number of leaves. */
	public long size() {
		return this.store.size();
	}

	/**
	 * Appends the leaf of one entry.
	 * @param entry the entry's bytes, hashed as MTH({entry})
	 * @return the leaf's index, counted from 0
	 */
	public long appendEntry(byte[] entry) {
		return append(TreeHash.leaf(entry));
	}

	/**
	 * Appends a leaf hash.
	 * @return the leaf's index, counted from 0
	 */
	public long append(Hash leafHash) {
		Objects.requireNonNull(leafHash, "leafHash");
		long index = this.store.size();
		List<Hash> nodes = new ArrayList<>(2);
		nodes.add(leafHash);
		// Each trailing 1 bit of the index completes a perfect subtree one level up.
		Hash current = leafHash;
		long position = index;
		int level = 0;
		while ((position & 1) == 1) {
			current = TreeHash.node(this.store.node(level, position - 1), current);
			position >>= 1;
			level++;
			nodes.add(current);
		}
		this.store.append(nodes);
		return index;
	}

	/** The leaf hash at that index. */
	public Hash leaf(long index) {
		checkSize(index + 1);
		return this.store.node(0, index);
	}

	/** MTH(D[0:size]), the root of the tree when it had {@code size} leaves. */
	public Hash root(long size) {
		checkSize(size);
		if (size == 0) {
			return TreeHash.empty();
		}
		NodeSource nodes = nodesFor((source) -> hash(0, size, source));
		return hash(0, size, nodes);
	}

	/**
	 * PATH(index, D[0:size]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up.
	 * @throws IllegalArgumentException unless {@code 0 <= index < size <= size()}
	 */
	public InclusionProof inclusionProof(long index, long size) {
		checkSize(size);
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
		}
		NodeSource nodes = nodesFor((source) -> path(index, 0, size, new ArrayList<>(), source));
		List<Hash> path = new ArrayList<>();
		path(index, 0, size, path, nodes);
		return new InclusionProof(index, size, path);
	}

	/**
	 * PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1; empty when {@code from} is 0 or equals
	 * {@code to}.
	 * @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()}
	 */
	public ConsistencyProof consistencyProof(long from, long to) {
		checkSize(to);
		if (from < 0 || from > to) {
			throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
		}
		List<Hash> path = new ArrayList<>();
		if (from > 0) {
			NodeSource nodes = nodesFor((source) -> subproof(from, 0, to, true, new ArrayList<>(), source));
			subproof(from, 0, to, true, path, nodes);
		}
		return new ConsistencyProof(from, to, path);
	}

	/** PATH(m, D[start:end]), appended to {@code path}; m is relative to start. */
	private void path(long m, long start, long end, List<Hash> path, NodeSource nodes) {
		long n = end - start;
		if (n == 1) {
			return;
		}
		long k = TreeHash.split(n);
		if (m < k) {
			path(m, start, start + k, path, nodes);
			path.add(hash(start + k, end, nodes));
		}
		else {
			path(m - k, start + k, end, path, nodes);
			path.add(hash(start, start + k, nodes));
		}
	}

	/** SUBPROOF(m, D[start:end], b), appended to {@code path}. */
	private void subproof(long m, long start, long end, boolean complete, List<Hash> path, NodeSource nodes) {
		long n = end - start;
		if (m == n) {
			if (!complete) {
				path.add(hash(start, end, nodes));
			}
			return;
		}
		long k = TreeHash.split(n);
		if (m <= k) {
			subproof(m, start, start + k, complete, path, nodes);
			path.add(hash(start + k, end, nodes));
		}
		else {
			subproof(m - k, start + k, end, false, path, nodes);
			path.add(hash(start, start + k, nodes));
		}
	}

	/**
	 * MTH(D[start:end]) for a range that the RFC's recursion produces: {@code start} is a
	 * multiple of the largest power of two not above {@code end - start}. A perfect range
	 * is one store read; any other is split as the RFC splits it, and its left part is
	 * perfect, so the fold costs O(log n).
	 */
	private static Hash hash(long start, long end, NodeSource nodes) {
		long n = end - start;
		if (Long.bitCount(n) == 1) {
			int level = Long.numberOfTrailingZeros(n);
			return nodes.node(level, start >> level);
		}
		long k = TreeHash.split(n);
		return TreeHash.node(hash(start, start + k, nodes), hash(start + k, end, nodes));
	}

	/**
	 * The nodes a computation reads: from the store one by one, or, for a store that
	 * {@link TreeStore#prefersBatchedReads prefers batched reads}, fetched in one
	 * {@link TreeStore#nodes} call. Which nodes the RFC's recursion reads depends on the
	 * sizes and indexes alone, never on the hashes, so a dry run over placeholder hashes
	 * names them all; a store with a round trip per read (Redis) then answers a proof in
	 * one round trip instead of one per node.
	 */
	private NodeSource nodesFor(Consumer<NodeSource> computation) {
		if (!this.store.prefersBatchedReads()) {
			return this.store::node;
		}
		Set<TreeStore.Address> wanted = new LinkedHashSet<>();
		computation.accept((level, index) -> {
			wanted.add(new TreeStore.Address(level, index));
			return PLACEHOLDER;
		});
		List<TreeStore.Address> addresses = new ArrayList<>(wanted);
		List<Hash> hashes = this.store.nodes(addresses);
		Map<TreeStore.Address, Hash> read = new HashMap<>();
		for (int i = 0; i < addresses.size(); i++) {
			read.put(addresses.get(i), hashes.get(i));
		}
		return (level, index) -> {
			Hash hash = read.get(new TreeStore.Address(level, index));
			if (hash == null) {
				throw new IllegalStateException("node (" + level + ", " + index + ") was not named by the dry run");
			}
			return hash;
		};
	}

	private static final Hash PLACEHOLDER = new Hash(new byte[Hash.LENGTH]);

	@FunctionalInterface
	private interface NodeSource {

		Hash node(int level, long index);

	}

	private void checkSize(long size) {
		long current = this.store.size();
		if (size < 0 || size > current) {
			throw new IllegalArgumentException("size " + size + " is beyond the tree's " + current + " leaves");
		}
	}

}
