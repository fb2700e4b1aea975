package org.vigil.audit.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.TreeStore;

/**
 * The ledger's tree in Redis: the size, the node hashes, each entry's canonical bytes and
 * the next Kafka offset to read, under {@link AuditKeys}.
 *
 * <h2>The rule that makes a restart exact</h2> Each append is one {@code MULTI/EXEC} that
 * writes the new nodes, the entry, the new size <em>and the offset after the record the
 * entry came from</em>. Redis is the only record of how far the ledger has read: the
 * consumer seeks to {@link #nextOffset()} at start and never trusts Kafka's committed
 * offsets. So after a crash either the transaction happened (the entry is in and the
 * offset is past it) or it did not (neither): an entry can be neither lost nor appended
 * twice. The caller {@link #stage}s the entry and its offset before each
 * {@code Ledger.append}, which calls {@link #append} with the nodes.
 *
 * <p>
 * One writer. The size is cached, since only that writer changes it; readers (the API) go
 * through the {@code Ledger}, which serializes them with the writer.
 */
public final class RedisTreeStore implements TreeStore {

	private final StringRedisTemplate redis;

	private final AuditKeys keys;

	private long size;

	private String stagedEntry;

	private long stagedNextOffset = -1;

	/** A store over whatever the keys already hold: empty, or a prefix of the log. */
	public RedisTreeStore(StringRedisTemplate redis, AuditKeys keys) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keys = Objects.requireNonNull(keys, "keys");
		String stored = redis.opsForValue().get(keys.size());
		this.size = (stored != null) ? Long.parseLong(stored) : 0;
	}

	@Override
	public long size() {
		return this.size;
	}

	@Override
	public Hash node(int level, long index) {
		if (level < 0 || level > 62 || index < 0 || index >= (this.size >> level)) {
			throw new IndexOutOfBoundsException("no node (" + level + ", " + index + ") in a tree of " + this.size);
		}
		Object value = this.redis.opsForHash().get(this.keys.nodes(), AuditKeys.nodeField(level, index));
		if (value == null) {
			throw new IllegalStateException("node (" + level + ", " + index + ") is missing from Redis under "
					+ this.keys.nodes() + ": the ledger's keys were changed behind its back");
		}
		return Hash.fromBase64((String) value);
	}

	/** The canonical bytes of entry {@code seq}. */
	public byte[] entry(long seq) {
		if (seq < 0 || seq >= this.size) {
			throw new IndexOutOfBoundsException("no entry " + seq + " in a ledger of " + this.size);
		}
		Object value = this.redis.opsForHash().get(this.keys.entries(), Long.toString(seq));
		if (value == null) {
			throw new IllegalStateException("entry " + seq + " is missing from Redis under " + this.keys.entries());
		}
		return ((String) value).getBytes(StandardCharsets.UTF_8);
	}

	/** The canonical bytes of entries {@code [from, from + count)}, in one round trip. */
	public List<byte[]> entries(long from, int count) {
		long end = Math.min(this.size, from + count);
		if (from < 0 || from >= end) {
			return List.of();
		}
		List<Object> fields = new ArrayList<>();
		for (long seq = from; seq < end; seq++) {
			fields.add(Long.toString(seq));
		}
		List<byte[]> entries = new ArrayList<>(fields.size());
		List<Object> values = this.redis.opsForHash().multiGet(this.keys.entries(), fields);
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) == null) {
				throw new IllegalStateException(
						"entry " + (from + i) + " is missing from Redis under " + this.keys.entries());
			}
			entries.add(((String) values.get(i)).getBytes(StandardCharsets.UTF_8));
		}
		return entries;
	}

	/**
	 * Whether Redis lost what this store wrote (a {@code FLUSHALL}, a restart without
	 * persistence, a failover to an empty replica): it held entries, and Redis no longer
	 * knows the size. Appending on would number the next entry as if it were the first.
	 */
	public boolean lost() {
		return this.size > 0 && !Boolean.TRUE.equals(this.redis.hasKey(this.keys.size()));
	}

	/**
	 * Forgets the cached size after {@link #lost()}: the store is empty again, to be
	 * rebuilt from the topic's first record.
	 */
	public void reset() {
		String stored = this.redis.opsForValue().get(this.keys.size());
		this.size = (stored != null) ? Long.parseLong(stored) : 0;
	}

	/** The next offset of the topic's partition to read: 0 for an empty store. */
	public long nextOffset() {
		String stored = this.redis.opsForValue().get(this.keys.offset());
		return (stored != null) ? Long.parseLong(stored) : 0;
	}

	/**
	 * What the next {@link #append} writes besides the nodes.
	 * @param canonicalEntry the entry's canonical JSON
	 * @param nextOffset the offset after the record it was read from
	 */
	public void stage(byte[] canonicalEntry, long nextOffset) {
		this.stagedEntry = new String(canonicalEntry, StandardCharsets.UTF_8);
		this.stagedNextOffset = nextOffset;
	}

	@Override
	public void append(List<Hash> nodes) {
		if (this.stagedEntry == null) {
			throw new IllegalStateException("stage the entry and its offset before appending");
		}
		long oldSize = this.size;
		String entry = this.stagedEntry;
		long nextOffset = this.stagedNextOffset;
		this.stagedEntry = null;
		this.stagedNextOffset = -1;
		List<Object> results = this.redis.execute(new SessionCallback<List<Object>>() {

			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations operations) throws DataAccessException {
				// A FLUSHALL between the check and EXEC touches the watched key, so EXEC
				// then writes nothing rather than a tree that starts at entry oldSize.
				operations.watch(RedisTreeStore.this.keys.size());
				if (oldSize > 0 && !Boolean.TRUE.equals(operations.hasKey(RedisTreeStore.this.keys.size()))) {
					operations.unwatch();
					return null;
				}
				operations.multi();
				for (int level = 0; level < nodes.size(); level++) {
					operations.opsForHash()
						.put(RedisTreeStore.this.keys.nodes(), AuditKeys.nodeField(level, oldSize >> level),
								nodes.get(level).base64());
				}
				operations.opsForHash().put(RedisTreeStore.this.keys.entries(), Long.toString(oldSize), entry);
				operations.opsForValue().set(RedisTreeStore.this.keys.size(), Long.toString(oldSize + 1));
				operations.opsForValue().set(RedisTreeStore.this.keys.offset(), Long.toString(nextOffset));
				return operations.exec();
			}

		});
		if (results == null || results.isEmpty()) {
			throw new StoreLost("the append of entry " + oldSize
					+ " was not applied by Redis: its keys vanished (FLUSHALL?) or changed behind the ledger's back");
		}
		this.size = oldSize + 1;
	}

	/**
	 * Redis refused an append because the ledger's keys vanished or changed under it; the
	 * service then checks {@link #lost()} and rebuilds.
	 */
	public static final class StoreLost extends org.springframework.dao.DataAccessResourceFailureException {

		StoreLost(String message) {
			super(message);
		}

	}

}
