package org.vigil.audit.ledger;

import java.util.Objects;

import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.NoteSigner;
import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.merkle.MerkleTree;
import org.vigil.audit.merkle.TreeStore;
import org.vigil.audit.merkle.TreeHash;

/**
 * The audit ledger: gives each entry the next sequence number (0, 1, 2… with no gaps; not
 * a Kafka offset) and keeps the RFC 9162 tree over the entries' bytes, leaf {@code seq}
 * being MTH({entry}).
 *
 * <p>
 * The ledger holds hashes only; the entries themselves live in the Kafka topic, which is
 * the source of truth. Everything in the {@link TreeStore} is derived: wiped, it is
 * rebuilt by appending the same entries in the same order, and gives the same roots.
 *
 * <p>
 * Thread-safe: every method is serialized on the ledger.
 */
public final class Ledger {

	private final String origin;

	private final MerkleTree tree;

	/**
	 * @param origin the log's name, the origin line of its checkpoints and the name of
	 * its key
	 * @param store the tree's hashes; may already hold a prefix of the log
	 */
	public Ledger(String origin, TreeStore store) {
		this.origin = Objects.requireNonNull(origin, "origin");
		this.tree = new MerkleTree(store);
	}

	public String origin() {
		return this.origin;
	}

	/**
	 * Appends one entry.
	 * @param entry the entry's bytes: for an audit entry, its RFC 8785 canonical JSON
	 * @return its sequence number
	 */
	public synchronized long append(byte[] entry) {
		return this.tree.appendEntry(entry);
	}

	/** The number of entries, which is the next sequence number. */
	public synchronized long size() {
		return this.tree.size();
	}

	/** The root of the first {@code size} entries. */
	public synchronized Hash root(long size) {
		return this.tree.root(size);
	}

	/** The proof that entry {@code seq} is in the tree of {@code size} entries. */
	public synchronized InclusionProof inclusion(long seq, long size) {
		return this.tree.inclusionProof(seq, size);
	}

	/**
	 * The proof that the tree of {@code from} entries is a prefix of that of {@code to}.
	 */
	public synchronized ConsistencyProof consistency(long from, long to) {
		return this.tree.consistencyProof(from, to);
	}

	/** The checkpoint of the ledger as it is now, unsigned. */
	public synchronized Checkpoint checkpoint() {
		long size = this.tree.size();
		return new Checkpoint(this.origin, size, this.tree.root(size));
	}

	/**
	 * Signs the checkpoint of the ledger as it is now.
	 * @param signer the log's key, named as the ledger's origin
	 * @return the signed note
	 */
	public String signCheckpoint(NoteSigner signer) {
		return checkpoint().sign(signer);
	}

	/** The leaf hash of one entry, as the ledger holds it. */
	public synchronized Hash leaf(long seq) {
		return this.tree.leaf(seq);
	}

	/** The leaf hash that an entry's bytes would have. */
	public static Hash leafOf(byte[] entry) {
		return TreeHash.leaf(entry);
	}

}
