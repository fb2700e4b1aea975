package org.vigil.audit.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link TreeStore} in memory: one growing byte array per level, 32 bytes a node, so
 * that a tree of {@code n} leaves costs about {@code 64·n} bytes (640 MB for ten million)
 * and no object per node. At most {@code 2^26} leaves (67 million), the most that a Java
 * array at level 0 can hold. Not thread-safe: its {@link MerkleTree}'s owner serializes
 * access.
 */
public final class InMemoryTreeStore implements TreeStore {

	/** The most leaves a store can hold. */
	public static final long MAX_LEAVES = Integer.MAX_VALUE / Hash.LENGTH;

	private final List<byte[]> levels = new ArrayList<>();

	private final List<Long> counts = new ArrayList<>();

	@Override
	public long size() {
		return this.counts.isEmpty() ? 0 : this.counts.get(0);
	}

	@Override
	public Hash node(int level, long index) {
		long count = (level < this.counts.size()) ? this.counts.get(level) : 0;
		if (level < 0 || index < 0 || index >= count) {
			throw new IndexOutOfBoundsException("no node (" + level + ", " + index + ") in a tree of " + size());
		}
		int offset = (int) index * Hash.LENGTH;
		return new Hash(Arrays.copyOfRange(this.levels.get(level), offset, offset + Hash.LENGTH));
	}

	@Override
	public void append(List<Hash> nodes) {
		if (size() >= MAX_LEAVES) {
			throw new IllegalStateException("an in-memory tree holds at most " + MAX_LEAVES + " leaves");
		}
		for (int level = 0; level < nodes.size(); level++) {
			if (level == this.levels.size()) {
				this.levels.add(new byte[Hash.LENGTH * 16]);
				this.counts.add(0L);
			}
			long count = this.counts.get(level);
			byte[] array = this.levels.get(level);
			int offset = (int) count * Hash.LENGTH;
			if (offset + Hash.LENGTH > array.length) {
				long grown = Math.min((long) array.length * 2, (MAX_LEAVES >> level) * Hash.LENGTH);
				array = Arrays.copyOf(array, (int) Math.max(grown, offset + Hash.LENGTH));
				this.levels.set(level, array);
			}
			System.arraycopy(nodes.get(level).raw(), 0, array, offset, Hash.LENGTH);
			this.counts.set(level, count + 1);
		}
	}

}
