package org.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.4 consistency proof: that the tree of {@code fromSize} leaves is a
 * prefix of the tree of {@code toSize} leaves, so the log only appended in between.
 *
 * @param fromSize the older tree's size
 * @param toSize the newer tree's size
 * @param path the hashes of PROOF(fromSize, D[0:toSize]) of §2.1.4.1
 */
public record ConsistencyProof(long fromSize, long toSize, List<Hash> path) {

	public ConsistencyProof {
		Objects.requireNonNull(path, "path");
		path = List.copyOf(path);
	}

	/**
	 * Verifies the proof as RFC 9162 §2.1.4.2 says. The RFC's algorithm is for
	 * {@code 0 < fromSize < toSize}; the edge cases are settled as follows: every tree
	 * extends the empty tree (an empty path, whatever {@code fromRoot}, which must then
	 * be the empty tree's hash); a tree extends itself when the roots are equal (an empty
	 * path).
	 * @param fromRoot the root of the tree of {@link #fromSize} leaves
	 * @param toRoot the root of the tree of {@link #toSize} leaves
	 * @return whether the proof shows the first tree to be a prefix of the second
	 */
	public boolean verify(Hash fromRoot, Hash toRoot) {
		Objects.requireNonNull(fromRoot, "fromRoot");
		Objects.requireNonNull(toRoot, "toRoot");
		if (this.fromSize < 0 || this.fromSize > this.toSize) {
			return false;
		}
		if (this.fromSize == 0) {
			return this.path.isEmpty() && fromRoot.equals(TreeHash.empty());
		}
		if (this.fromSize == this.toSize) {
			return this.path.isEmpty() && fromRoot.equals(toRoot);
		}
		if (this.path.isEmpty()) {
			return false;
		}
		List<Hash> nodes = new ArrayList<>(this.path);
		if (Long.bitCount(this.fromSize) == 1) {
			nodes.add(0, fromRoot);
		}
		long fn = this.fromSize - 1;
		long sn = this.toSize - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		Hash fr = nodes.get(0);
		Hash sr = nodes.get(0);
		for (Hash c : nodes.subList(1, nodes.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = TreeHash.node(c, fr);
				sr = TreeHash.node(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = TreeHash.node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && fr.equals(fromRoot) && sr.equals(toRoot);
	}

}
