package org.vigil.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MerkleTreeTest {

	/** The leaves of the Certificate Transparency reference tree (RFC 6962 test data). */
	private static final List<byte[]> REFERENCE_LEAVES = Stream
		.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
		.map((hex) -> java.util.HexFormat.of().parseHex(hex))
		.toList();

	/** Its roots for the sizes 0 to 8. */
	private static final List<String> REFERENCE_ROOTS = List.of(
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	@Test
	void rootsMatchTheCertificateTransparencyReferenceTree() {
		MerkleTree tree = treeOf(REFERENCE_LEAVES);
		for (int size = 0; size <= 8; size++) {
			assertThat(tree.root(size).hex()).as("root of size %d", size).isEqualTo(REFERENCE_ROOTS.get(size));
		}
	}

	@Test
	void proofsMatchTheCertificateTransparencyReferenceTree() {
		MerkleTree tree = treeOf(REFERENCE_LEAVES);
		assertThat(hexes(tree.inclusionProof(0, 8).path())).containsExactly(
				"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(hexes(tree.inclusionProof(5, 8).path())).containsExactly(
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(hexes(tree.consistencyProof(2, 8).path())).containsExactly(
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(hexes(tree.consistencyProof(6, 8).path())).containsExactly(
				"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(hexes(tree.consistencyProof(2, 5).path())).containsExactly(
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
	}

	@Test
	void everyRootAndProofAgreesWithTheNaiveRecursionForAllSizesUpTo64() {
		List<byte[]> entries = entries(64, 1);
		MerkleTree tree = treeOf(entries);
		for (int n = 1; n <= 64; n++) {
			checkAgainstNaive(tree, entries.subList(0, n), allIndexes(n));
		}
	}

	@Test
	void rootsAndProofsAgreeWithTheNaiveRecursionForRandomLargerSizes() {
		Random random = new Random(9162);
		List<byte[]> entries = entries(3000, 2);
		MerkleTree tree = treeOf(entries);
		for (int round = 0; round < 12; round++) {
			int n = 65 + random.nextInt(entries.size() - 65);
			List<Integer> indexes = new ArrayList<>(List.of(0, n - 1, n / 2));
			for (int i = 0; i < 6; i++) {
				indexes.add(random.nextInt(n));
			}
			checkAgainstNaive(tree, entries.subList(0, n), indexes);
		}
	}

	@Test
	void inclusionProofFailsForAWrongLeafIndexSizeOrPath() {
		List<byte[]> entries = entries(37, 3);
		MerkleTree tree = treeOf(entries);
		for (int n = 2; n <= 37; n++) {
			Hash root = tree.root(n);
			for (int m = 0; m < n; m++) {
				InclusionProof proof = tree.inclusionProof(m, n);
				Hash leaf = tree.leaf(m);
				assertThat(proof.verify(leaf, root)).isTrue();
				assertThat(proof.verify(tree.leaf((m + 1) % n), root)).as("wrong leaf").isFalse();
				assertThat(proof.verify(leaf, tree.root(n - 1))).as("wrong root").isFalse();
				assertThat(new InclusionProof((m + 1) % n, n, proof.path()).verify(leaf, root)).as("wrong index")
					.isFalse();
				assertThat(new InclusionProof(m, n, proof.path()).verify(leaf, root)).isTrue();
				// A wrong size fails whenever its path has another shape. A size whose
				// path
				// has the same shape (n ± 1 often has) leads to the same root: the signed
				// checkpoint, not the proof, binds a root to its size.
				for (int other = m + 1; other <= 37; other++) {
					if (other != n && tree.inclusionProof(m, other).path().size() != proof.path().size()) {
						assertThat(new InclusionProof(m, other, proof.path()).verify(leaf, root))
							.as("size %d instead of %d", other, n)
							.isFalse();
					}
				}
				assertThat(new InclusionProof(m, n * 2 + 1, proof.path()).verify(leaf, root)).as("size · 2 + 1")
					.isFalse();
				assertThat(new InclusionProof(m, m, proof.path()).verify(leaf, root)).as("index = size").isFalse();
				for (int i = 0; i < proof.path().size(); i++) {
					assertThat(withAltered(proof.path(), i).verifyInclusion(m, n, leaf, root)).as("node %d altered", i)
						.isFalse();
				}
				List<Hash> longer = new ArrayList<>(proof.path());
				longer.add(leaf);
				assertThat(new InclusionProof(m, n, longer).verify(leaf, root)).as("extra node").isFalse();
				if (!proof.path().isEmpty()) {
					assertThat(new InclusionProof(m, n, proof.path().subList(0, proof.path().size() - 1)).verify(leaf,
							root))
						.as("node missing")
						.isFalse();
				}
			}
		}
	}

	@Test
	void consistencyProofFailsForWrongSizesRootsOrPath() {
		List<byte[]> entries = entries(37, 4);
		MerkleTree tree = treeOf(entries);
		for (int n = 2; n <= 37; n++) {
			for (int m = 1; m < n; m++) {
				ConsistencyProof proof = tree.consistencyProof(m, n);
				Hash oldRoot = tree.root(m);
				Hash newRoot = tree.root(n);
				assertThat(proof.verify(oldRoot, newRoot)).isTrue();
				assertThat(proof.verify(newRoot, newRoot)).as("wrong old root").isFalse();
				assertThat(proof.verify(oldRoot, oldRoot)).as("wrong new root").isFalse();
				if (m > 1) {
					assertThat(new ConsistencyProof(m - 1, n, proof.path()).verify(oldRoot, newRoot)).as("old size - 1")
						.isFalse();
				}
				if (m + 1 < n) {
					assertThat(new ConsistencyProof(m + 1, n, proof.path()).verify(oldRoot, newRoot)).as("old size + 1")
						.isFalse();
				}
				assertThat(new ConsistencyProof(m, n * 2 + 1, proof.path()).verify(oldRoot, newRoot))
					.as("new size · 2 + 1")
					.isFalse();
				assertThat(new ConsistencyProof(n, m, proof.path()).verify(newRoot, oldRoot)).as("sizes swapped")
					.isFalse();
				for (int i = 0; i < proof.path().size(); i++) {
					assertThat(new ConsistencyProof(m, n, withAltered(proof.path(), i).path).verify(oldRoot, newRoot))
						.as("node %d altered", i)
						.isFalse();
				}
				assertThat(new ConsistencyProof(m, n, List.of()).verify(oldRoot, newRoot)).as("empty path").isFalse();
			}
		}
	}

	@Test
	void treesOfEqualSizeAreConsistentOnlyWithEqualRootsAndEveryTreeExtendsTheEmptyOne() {
		MerkleTree tree = treeOf(entries(5, 5));
		assertThat(tree.consistencyProof(5, 5).path()).isEmpty();
		assertThat(tree.consistencyProof(5, 5).verify(tree.root(5), tree.root(5))).isTrue();
		assertThat(tree.consistencyProof(5, 5).verify(tree.root(4), tree.root(5))).isFalse();
		assertThat(tree.consistencyProof(0, 5).verify(TreeHash.empty(), tree.root(5))).isTrue();
		assertThat(tree.consistencyProof(0, 5).verify(tree.root(1), tree.root(5))).isFalse();
	}

	@Test
	void refusesProofsBeyondTheTree() {
		MerkleTree tree = treeOf(entries(5, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> tree.root(6));
		assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(5, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(0, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(4, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(3, 6));
	}

	@Test
	void proofsOfALargeTreeReadOnlyLogarithmicallyManyNodes() {
		CountingStore store = new CountingStore();
		MerkleTree tree = new MerkleTree(store);
		for (int i = 0; i < 100_000; i++) {
			tree.appendEntry(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
		}
		store.reads = 0;
		tree.inclusionProof(12_345, 99_999);
		tree.consistencyProof(65_537, 99_999);
		tree.root(99_999);
		// log2(100 000) ≈ 17: a few dozen reads, where a scan would read 100 000 leaves.
		assertThat(store.reads).isLessThan(3 * 2 * 17 + 10);
	}

	@Test
	void aStoreThatPrefersBatchedReadsAnswersEachProofInOneReadWithTheSameResults() {
		BatchingStore store = new BatchingStore();
		MerkleTree tree = new MerkleTree(store);
		List<byte[]> entries = entries(3000, 3);
		entries.forEach(tree::appendEntry);
		Random random = new Random(35);
		for (int round = 0; round < 10; round++) {
			int n = 1 + random.nextInt(entries.size());
			List<Integer> indexes = List.of(0, n - 1, random.nextInt(n));
			checkAgainstNaive(tree, entries.subList(0, n), indexes);
		}
		store.batches = 0;
		store.reads = 0;
		tree.inclusionProof(1234, 2999);
		tree.consistencyProof(1025, 2999);
		tree.root(2999);
		assertThat(store.batches).as("one batch per proof and root").isEqualTo(3);
		assertThat(store.reads).as("no node read alone").isZero();
	}

	private static void checkAgainstNaive(MerkleTree tree, List<byte[]> entries, List<Integer> indexes) {
		int n = entries.size();
		Hash root = NaiveMerkle.mth(entries);
		assertThat(tree.root(n)).as("root of %d", n).isEqualTo(root);
		for (int m : indexes) {
			InclusionProof proof = tree.inclusionProof(m, n);
			assertThat(proof.path()).as("PATH(%d, D[%d])", m, n).isEqualTo(NaiveMerkle.path(m, entries));
			assertThat(proof.verify(TreeHash.leaf(entries.get(m)), root)).as("inclusion of %d in %d", m, n).isTrue();
			if (m > 0) {
				ConsistencyProof consistency = tree.consistencyProof(m, n);
				assertThat(consistency.path()).as("PROOF(%d, D[%d])", m, n).isEqualTo(NaiveMerkle.proof(m, entries));
				assertThat(consistency.verify(NaiveMerkle.mth(entries.subList(0, m)), root))
					.as("consistency of %d with %d", m, n)
					.isTrue();
			}
		}
	}

	private static List<Integer> allIndexes(int n) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			indexes.add(i);
		}
		return indexes;
	}

	static List<byte[]> entries(int count, long seed) {
		Random random = new Random(seed);
		List<byte[]> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byte[] entry = new byte[random.nextInt(40)];
			random.nextBytes(entry);
			entries.add(entry);
		}
		return entries;
	}

	static MerkleTree treeOf(List<byte[]> entries) {
		MerkleTree tree = MerkleTree.inMemory();
		for (byte[] entry : entries) {
			tree.appendEntry(entry);
		}
		return tree;
	}

	private static List<String> hexes(List<Hash> hashes) {
		return hashes.stream().map(Hash::hex).toList();
	}

	private static Altered withAltered(List<Hash> path, int i) {
		List<Hash> altered = new ArrayList<>(path);
		byte[] bytes = altered.get(i).bytes();
		bytes[0] ^= 1;
		altered.set(i, new Hash(bytes));
		return new Altered(altered);
	}

	private record Altered(List<Hash> path) {

		boolean verifyInclusion(long index, long size, Hash leaf, Hash root) {
			return new InclusionProof(index, size, this.path).verify(leaf, root);
		}

	}

	private static final class CountingStore implements TreeStore {

		private final InMemoryTreeStore delegate = new InMemoryTreeStore();

		int reads;

		@Override
		public long size() {
			return this.delegate.size();
		}

		@Override
		public Hash node(int level, long index) {
			this.reads++;
			return this.delegate.node(level, index);
		}

		@Override
		public void append(List<Hash> nodes) {
			this.delegate.append(nodes);
		}

	}

	/** A store with a round trip per read, as Redis is. */
	private static final class BatchingStore implements TreeStore {

		private final InMemoryTreeStore delegate = new InMemoryTreeStore();

		int reads;

		int batches;

		@Override
		public long size() {
			return this.delegate.size();
		}

		@Override
		public Hash node(int level, long index) {
			this.reads++;
			return this.delegate.node(level, index);
		}

		@Override
		public List<Hash> nodes(List<Address> addresses) {
			this.batches++;
			List<Hash> hashes = new ArrayList<>();
			addresses.forEach((address) -> hashes.add(this.delegate.node(address.level(), address.index())));
			return hashes;
		}

		@Override
		public boolean prefersBatchedReads() {
			return true;
		}

		@Override
		public void append(List<Hash> nodes) {
			this.delegate.append(nodes);
		}

	}

}
