package org.vigil.audit.export;

import java.util.Objects;

import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.NoteRejected;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.merkle.TreeHash;

/**
 * What proves one entry on its own, without the rest of the log: the entry's canonical
 * bytes, its inclusion proof, and the signed checkpoint the proof leads to. With the
 * log's verifier key, it shows that the log holds this entry at this sequence number, in
 * a tree the log signed, and since checkpoints are consistent, that nothing before it was
 * changed afterwards.
 *
 * @param canonicalEntry the entry's RFC 8785 canonical JSON
 * @param proof the inclusion proof of the entry's sequence number in the checkpoint's
 * tree
 * @param checkpointNote the signed checkpoint
 */
public record EntryProof(byte[] canonicalEntry, InclusionProof proof, String checkpointNote) {

	public EntryProof {
		canonicalEntry = canonicalEntry.clone();
		Objects.requireNonNull(proof, "proof");
		Objects.requireNonNull(checkpointNote, "checkpointNote");
	}

	@Override
	public byte[] canonicalEntry() {
		return this.canonicalEntry.clone();
	}

	/**
	 * Verifies the proof.
	 * @param logKey the log's verifier key
	 * @return the checkpoint, verified
	 * @throws NoteRejected if the checkpoint is not validly signed by the log, or is not
	 * of the proof's tree size, or the entry is not at its sequence number in that tree
	 */
	public Checkpoint verify(VerifierKey logKey) {
		Checkpoint checkpoint = Checkpoint.open(this.checkpointNote, logKey);
		if (checkpoint.size() != this.proof.treeSize()) {
			throw new NoteRejected("the inclusion proof is for a tree of " + this.proof.treeSize()
					+ " entries, the checkpoint is of " + checkpoint.size());
		}
		if (!this.proof.verify(TreeHash.leaf(this.canonicalEntry), checkpoint.rootHash())) {
			throw new NoteRejected(
					"the inclusion proof of seq " + this.proof.index() + " does not lead to the checkpoint's root "
							+ checkpoint.rootHash().base64() + ": the entry or the proof was altered");
		}
		return checkpoint;
	}

}
