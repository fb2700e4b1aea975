package org.vigil.audit.merkle;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.3 inclusion proof: that the leaf at {@code index} is in the tree of
 * {@code treeSize} leaves.
 *
 * @param index the leaf's index, counted from 0
 * @param treeSize the size of the tree whose root the proof leads to
 * @param path the sibling hashes from the leaf up, as PATH of §2.1.3.1
 */
public record InclusionProof(long index, long treeSize, List<Hash> path) {

	public InclusionProof {
		Objects.requireNonNull(path, "path");
		path = List.copyOf(path);
	}

	/**
	 * Verifies the proof as RFC 9162 §2.1.3.2 says.
	 * @param leafHash the leaf's hash, MTH({entry})
	 * @param root the root of the tree of {@link #treeSize} leaves
	 * @return whether the path leads from the leaf at {@link #index} to {@code root}
	 */
	public boolean verify(Hash leafHash, Hash root) {
		Objects.requireNonNull(leafHash, "leafHash");
		Objects.requireNonNull(root, "root");
		if (this.index < 0 || this.index >= this.treeSize) {
			return false;
		}
		long fn = this.index;
		long sn = this.treeSize - 1;
		Hash r = leafHash;
		for (Hash p : this.path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = TreeHash.node(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = TreeHash.node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && r.equals(root);
	}

}
