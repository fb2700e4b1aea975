package org.vigil.audit.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.TreeStore;

/**
 * The ledger's tree in Redis: the size, the node hashes, each entry's canonical bytes and
 * the next Kafka offset to read, under {@link AuditKeys}.
 *
 * <h2>The rule that makes a restart exact</h2> Each append is one Lua script (atomic, one
 * round trip) that writes the new nodes, the entry, the new size <em>and the offset after
 * the record the entry came from</em>. Redis is the only record of how far the ledger has
 * read: the consumer seeks to {@link #nextOffset()} at start and never trusts Kafka's
 * committed offsets. So after a crash either the transaction happened (the entry is in
 * and the offset is past it) or it did not (neither): an entry can be neither lost nor
 * appended twice. The caller {@link #stage}s the entry and its offset before each
 * {@code Ledger.append}, which calls {@link #append} with the nodes. The same transaction
 * indexes the entry's id (for the ledger to skip a later entry of the same id, and for a
 * receipt's entry to be found) and its Parties (for the country filter), so the indexes
 * are as exact as the tree and are rebuilt with it.
 *
 * <p>
 * One writer. The size is cached, since only that writer changes it; readers (the API) go
 * through the {@code Ledger}, which serializes them with the writer.
 */
public final class RedisTreeStore implements TreeStore {

	/**
	 * One append in one round trip, atomically: the new nodes, the entry, the size, the
	 * offset and the indexes. Refuses (before writing anything) if the size in Redis is
	 * not the one this store appended to, which only another writer could have changed.
	 */
	private static final RedisScript<Long> APPEND = new DefaultRedisScript<>("""
			local size = tonumber(redis.call('GET', KEYS[3]) or '0')
			if size ~= tonumber(ARGV[1]) then
			  return redis.error_reply('the ledger holds ' .. size .. ' entries, not ' .. ARGV[1] .. ': another writer')
			end
			for i = 7, #ARGV, 2 do
			  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
			end
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
			redis.call('SET', KEYS[3], size + 1)
			redis.call('SET', KEYS[4], ARGV[3])
			if ARGV[4] ~= '' then
			  redis.call('HSET', KEYS[5], ARGV[4], ARGV[1])
			end
			if ARGV[5] ~= '' then
			  redis.call('HSETNX', KEYS[6], ARGV[5], ARGV[6])
			end
			return size + 1
			""", Long.class);

	private final StringRedisTemplate redis;

	/**
	 * The rightmost node of each level, the only nodes an append reads: kept here so that
	 * an append costs one round trip, not one more for each node it combines.
	 */
	private final Map<Integer, Frontier> frontier = new HashMap<>();

	private final AuditKeys keys;

	private long size;

	private String stagedEntry;

	private long stagedNextOffset = -1;

	private String stagedId;

	private String stagedObject;

	private String stagedParties;

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
		Frontier rightmost = this.frontier.get(level);
		if (rightmost != null && rightmost.index() == index) {
			return rightmost.hash();
		}
		Object value = this.redis.opsForHash().get(this.keys.nodes(), AuditKeys.nodeField(level, index));
		if (value == null) {
			throw new IllegalStateException("node (" + level + ", " + index + ") is missing from Redis under "
					+ this.keys.nodes() + ": the ledger's keys were changed behind its back");
		}
		return Hash.fromBase64((String) value);
	}

	/** Every node a proof reads in one {@code HMGET}, the right edge from memory. */
	@Override
	public List<Hash> nodes(List<Address> addresses) {
		List<Object> fields = new ArrayList<>(addresses.size());
		for (Address address : addresses) {
			if (address.level() < 0 || address.level() > 62 || address.index() < 0
					|| address.index() >= (this.size >> address.level())) {
				throw new IndexOutOfBoundsException(
						"no node (" + address.level() + ", " + address.index() + ") in a tree of " + this.size);
			}
			fields.add(AuditKeys.nodeField(address.level(), address.index()));
		}
		List<Object> values = fields.isEmpty() ? List.of()
				: this.redis.opsForHash().multiGet(this.keys.nodes(), fields);
		List<Hash> hashes = new ArrayList<>(addresses.size());
		for (int i = 0; i < addresses.size(); i++) {
			if (values.get(i) == null) {
				throw new IllegalStateException("node (" + addresses.get(i).level() + ", " + addresses.get(i).index()
						+ ") is missing from Redis under " + this.keys.nodes()
						+ ": the ledger's keys were changed behind its back");
			}
			hashes.add(Hash.fromBase64((String) values.get(i)));
		}
		return hashes;
	}

	@Override
	public boolean prefersBatchedReads() {
		return true;
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
		stage(canonicalEntry, nextOffset, null, null, null);
	}

	/**
	 * What the next {@link #append} writes besides the nodes, with the entry's indexes.
	 * @param canonicalEntry the entry's canonical JSON
	 * @param nextOffset the offset after the record it was read from
	 * @param id the entry's id, or null
	 * @param object the entry's object, or null not to index its Parties
	 * @param parties the Parties the entry names, comma-separated, or null
	 */
	public void stage(byte[] canonicalEntry, long nextOffset, String id, String object, String parties) {
		this.stagedEntry = new String(canonicalEntry, StandardCharsets.UTF_8);
		this.stagedNextOffset = nextOffset;
		this.stagedId = id;
		this.stagedObject = object;
		this.stagedParties = parties;
	}

	/** The sequence number of the entry with this id, if the ledger holds one. */
	public Long seqOf(String id) {
		Object value = this.redis.opsForHash().get(this.keys.ids(), id);
		return (value != null) ? Long.valueOf(value.toString()) : null;
	}

	/**
	 * Passes over a record without appending anything (an entry whose id the ledger holds
	 * already): only the offset moves, so a restart does not read it again.
	 */
	public void skip(long nextOffset) {
		this.redis.opsForValue().set(this.keys.offset(), Long.toString(nextOffset));
	}

	/** The Parties indexed for each object, null where none is, in one round trip. */
	public List<String> parties(List<String> objects) {
		if (objects.isEmpty()) {
			return List.of();
		}
		List<Object> values = this.redis.opsForHash().multiGet(this.keys.parties(), new ArrayList<>(objects));
		List<String> parties = new ArrayList<>(values.size());
		values.forEach((value) -> parties.add((value != null) ? value.toString() : null));
		return parties;
	}

	@Override
	public void append(List<Hash> nodes) {
		if (this.stagedEntry == null) {
			throw new IllegalStateException("stage the entry and its offset before appending");
		}
		long oldSize = this.size;
		String entry = this.stagedEntry;
		long nextOffset = this.stagedNextOffset;
		String id = this.stagedId;
		String object = this.stagedObject;
		String parties = this.stagedParties;
		this.stagedEntry = null;
		this.stagedNextOffset = -1;
		this.stagedId = null;
		this.stagedObject = null;
		this.stagedParties = null;
		List<String> keys = List.of(this.keys.nodes(), this.keys.entries(), this.keys.size(), this.keys.offset(),
				this.keys.ids(), this.keys.parties());
		List<String> args = new ArrayList<>(8 + 2 * nodes.size());
		args.add(Long.toString(oldSize));
		args.add(entry);
		args.add(Long.toString(nextOffset));
		args.add((id != null) ? id : "");
		args.add((object != null && parties != null) ? object : "");
		args.add((object != null && parties != null) ? parties : "");
		for (int level = 0; level < nodes.size(); level++) {
			args.add(AuditKeys.nodeField(level, oldSize >> level));
			args.add(nodes.get(level).base64());
		}
		Long written = this.redis.execute(APPEND, keys, args.toArray());
		if (written == null || written != oldSize + 1) {
			throw new IllegalStateException("the append of entry " + oldSize + " was not applied by Redis");
		}
		for (int level = 0; level < nodes.size(); level++) {
			this.frontier.put(level, new Frontier(oldSize >> level, nodes.get(level)));
		}
		this.size = oldSize + 1;
	}

	private record Frontier(long index, Hash hash) {
	}

}
