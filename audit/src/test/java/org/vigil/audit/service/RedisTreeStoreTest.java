package org.vigil.audit.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.InMemoryTreeStore;
import org.vigil.embedded.testing.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Redis store on a real redis-server: the same roots and proofs as the in-memory
 * store, and a store opened again over the same keys resumes where the last append left
 * it, offset included.
 */
class RedisTreeStoreTest {

	@RegisterExtension
	static final LocalRedis redis = new LocalRedis();

	private static byte[] entry(int i) {
		return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aStoreWhoseKeysVanishedSaysSoRefusesToAppendAndRebuildsToTheSameRoot() {
		AuditKeys keys = new AuditKeys("test:wiped");
		RedisTreeStore store = new RedisTreeStore(redis.template(), keys);
		Ledger ledger = new Ledger("o", store);
		for (int i = 0; i < 5; i++) {
			store.stage(entry(i), i + 1);
			ledger.append(entry(i));
		}
		var root = ledger.root(5);
		assertThat(store.lost()).isFalse();

		redis.template().delete(List.of(keys.size(), keys.offset(), keys.nodes(), keys.entries()));

		assertThat(store.lost()).as("the size is cached, Redis no longer has it").isTrue();
		store.stage(entry(5), 6);
		assertThatThrownBy(() -> ledger.append(entry(5))).as("no entry 5 on top of nothing")
			.isInstanceOf(RuntimeException.class);
		assertThat(redis.template().hasKey(keys.size())).isFalse();
		store.reset();
		assertThat(store.size()).isZero();
		assertThat(store.nextOffset()).isZero();
		for (int i = 0; i < 5; i++) {
			store.stage(entry(i), i + 1);
			ledger.append(entry(i));
		}
		assertThat(ledger.root(5)).isEqualTo(root);
		assertThat(store.lost()).isFalse();
	}

	@Test
	void sameTreeAsInMemoryAndResumesExactly() {
		AuditKeys keys = new AuditKeys("test:resume");
		RedisTreeStore store = new RedisTreeStore(redis.template(), keys);
		Ledger inRedis = new Ledger("o", store);
		Ledger inMemory = new Ledger("o", new InMemoryTreeStore());
		for (int i = 0; i < 300; i++) {
			store.stage(entry(i), 1000 + i + 1);
			assertThat(inRedis.append(entry(i))).isEqualTo(i);
			inMemory.append(entry(i));
		}
		for (long size : new long[] { 0, 1, 2, 7, 64, 255, 300 }) {
			assertThat(inRedis.root(size)).isEqualTo(inMemory.root(size));
		}
		assertThat(inRedis.inclusion(123, 300)).isEqualTo(inMemory.inclusion(123, 300));
		assertThat(inRedis.consistency(77, 300)).isEqualTo(inMemory.consistency(77, 300));

		RedisTreeStore reopened = new RedisTreeStore(redis.template(), keys);
		assertThat(reopened.size()).isEqualTo(300);
		assertThat(reopened.nextOffset()).isEqualTo(1300);
		assertThat(reopened.entry(42)).isEqualTo(entry(42));
		assertThat(reopened.entries(298, 10)).containsExactly(entry(298), entry(299));
		assertThat(new Ledger("o", reopened).root(300)).isEqualTo(inMemory.root(300));
	}

	@Test
	void anAppendWithoutItsEntryAndOffsetIsRefused() {
		Ledger ledger = new Ledger("o", new RedisTreeStore(redis.template(), new AuditKeys("test:unstaged")));
		assertThatIllegalStateException().isThrownBy(() -> ledger.append(entry(0)));
		assertThat(new RedisTreeStore(redis.template(), new AuditKeys("test:unstaged")).size()).isZero();
	}

	@Test
	void indexesTheIdAndPartiesOfAnEntryInTheTransactionOfItsAppend() {
		AuditKeys keys = new AuditKeys("test:indexes");
		RedisTreeStore store = new RedisTreeStore(redis.template(), keys);
		Ledger ledger = new Ledger("o", store);
		store.stage(entry(0), 11, "submit:FR-2026-000123", "FR-2026-000123", "FR,DE");
		ledger.append(entry(0));
		store.stage(entry(1), 12, "event:FR-2026-000123:1", "FR-2026-000123", "XX,YY");
		ledger.append(entry(1));
		store.stage(entry(2), 13);
		ledger.append(entry(2));

		assertThat(store.seqOf("submit:FR-2026-000123")).isZero();
		assertThat(store.seqOf("event:FR-2026-000123:1")).isEqualTo(1);
		assertThat(store.seqOf("event:FR-2026-000123:2")).isNull();
		assertThat(store.parties(List.of("FR-2026-000123", "other")))
			.as("the first entry to name a request's Parties wins")
			.containsExactly("FR,DE", null);

		// A duplicate is passed over: only the offset moves.
		store.skip(14);
		RedisTreeStore reopened = new RedisTreeStore(redis.template(), keys);
		assertThat(reopened.size()).isEqualTo(3);
		assertThat(reopened.nextOffset()).isEqualTo(14);
		assertThat(keys.all()).contains(keys.ids(), keys.parties());
	}

	@Test
	void aSecondWriterIsRefusedBeforeItWritesAnything() {
		AuditKeys keys = new AuditKeys("test:two-writers");
		RedisTreeStore first = new RedisTreeStore(redis.template(), keys);
		RedisTreeStore second = new RedisTreeStore(redis.template(), keys);
		first.stage(entry(0), 1);
		new Ledger("o", first).append(entry(0));
		second.stage(entry(1), 2);
		assertThatException().isThrownBy(() -> new Ledger("o", second).append(entry(1)));
		RedisTreeStore reopened = new RedisTreeStore(redis.template(), keys);
		assertThat(reopened.size()).isEqualTo(1);
		assertThat(reopened.nextOffset()).isEqualTo(1);
		assertThat(reopened.entry(0)).isEqualTo(entry(0));
	}

}
