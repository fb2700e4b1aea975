package org.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 written out as literally as the text reads, recursing over lists of
 * entries with no cache: the reference the efficient {@link MerkleTree} is checked
 * against. Exponentially slower; only for tests.
 */
final class NaiveMerkle {

	private NaiveMerkle() {
	}

	/** MTH(D[n]). */
	static Hash mth(List<byte[]> d) {
		int n = d.size();
		if (n == 0) {
			return TreeHash.empty();
		}
		if (n == 1) {
			return TreeHash.leaf(d.get(0));
		}
		int k = largestPowerOfTwoSmallerThan(n);
		return TreeHash.node(mth(d.subList(0, k)), mth(d.subList(k, n)));
	}

	/** PATH(m, D[n]). */
	static List<Hash> path(int m, List<byte[]> d) {
		int n = d.size();
		List<Hash> result = new ArrayList<>();
		if (n == 1) {
			return result;
		}
		int k = largestPowerOfTwoSmallerThan(n);
		if (m < k) {
			result.addAll(path(m, d.subList(0, k)));
			result.add(mth(d.subList(k, n)));
		}
		else {
			result.addAll(path(m - k, d.subList(k, n)));
			result.add(mth(d.subList(0, k)));
		}
		return result;
	}

	/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
	static List<Hash> proof(int m, List<byte[]> d) {
		return subproof(m, d, true);
	}

	static List<Hash> subproof(int m, List<byte[]> d, boolean b) {
		int n = d.size();
		List<Hash> result = new ArrayList<>();
		if (m == n) {
			if (!b) {
				result.add(mth(d));
			}
			return result;
		}
		int k = largestPowerOfTwoSmallerThan(n);
		if (m <= k) {
			result.addAll(subproof(m, d.subList(0, k), b));
			result.add(mth(d.subList(k, n)));
		}
		else {
			result.addAll(subproof(m - k, d.subList(k, n), false));
			result.add(mth(d.subList(0, k)));
		}
		return result;
	}

	private static int largestPowerOfTwoSmallerThan(int n) {
		int k = 1;
		while (k * 2 < n) {
			k *= 2;
		}
		return k;
	}

}
