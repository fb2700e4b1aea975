package org.vigil.audit.export;

import java.util.List;
import java.util.Optional;

import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.merkle.MerkleTree;

/**
 * The outcome of replaying an export: what it holds, and every problem found, in the
 * order described by {@link LedgerVerifier}.
 */
public final class Verification {

	private final List<byte[]> entries;

	private final MerkleTree tree;

	private final List<VerifiedCheckpoint> checkpoints;

	private final List<Problem> problems;

	Verification(List<byte[]> entries, MerkleTree tree, List<VerifiedCheckpoint> checkpoints, List<Problem> problems) {
		this.entries = entries;
		this.tree = tree;
		this.checkpoints = List.copyOf(checkpoints);
		this.problems = List.copyOf(problems);
	}

	/** Whether nothing is wrong. */
	public boolean ok() {
		return this.problems.isEmpty();
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** The number of entry lines replayed. */
	public long entries() {
		return this.entries.size();
	}

	/** The checkpoints whose signature verified, in the export's order. */
	public List<VerifiedCheckpoint> checkpoints() {
		return this.checkpoints;
	}

	/** The validly signed checkpoint of the largest size, if any. */
	public Optional<VerifiedCheckpoint> latest() {
		return this.checkpoints.stream().reduce((a, b) -> (b.checkpoint().size() >= a.checkpoint().size()) ? b : a);
	}

	/** The canonical bytes of the entry at that position of the export. */
	public byte[] entry(long seq) {
		return this.entries.get(Math.toIntExact(seq)).clone();
	}

	/** The inclusion proof of an entry, computed from the replayed entries. */
	public InclusionProof inclusion(long seq, long size) {
		return this.tree.inclusionProof(seq, size);
	}

	/**
	 * A signed checkpoint of the export whose signature verified.
	 *
	 * @param line its line
	 * @param checkpoint what it says
	 * @param note the signed note
	 */
	public record VerifiedCheckpoint(int line, Checkpoint checkpoint, String note) {
	}

}
