package org.vigil.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InMemoryTreeStore;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.service.AuditKeys;
import org.vigil.audit.service.RedisTreeStore;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.redis.RedisServer;

/**
 * The audit ledger's figures (issue #8): appends per second, and the latency of making
 * and of checking an inclusion proof and a consistency proof, at each tree size asked
 * for.
 *
 * <p>
 * {@code --store=memory} (the default) runs the {@link Ledger} over
 * {@link InMemoryTreeStore}, which is what the tree's algorithms cost on their own;
 * {@code --store=redis} over {@link RedisTreeStore} on a real redis-server started here
 * (one MULTI/EXEC per append with the entry and the offset, as the ledger service
 * writes), which is what the service costs. The entries are audit entries' canonical JSON
 * of about 300 bytes, different for each seq. Only {@code Ledger.append} is timed for
 * appends, not building the entry.
 *
 * <pre>
 * java -Xmx3g -cp … org.vigil.benchmarks.load.AuditLedgerLoad --sizes=1000000,10000000 --samples=10000
 * java -cp … org.vigil.benchmarks.load.AuditLedgerLoad --store=redis --sizes=100000 --samples=2000
 * </pre>
 */
public final class AuditLedgerLoad {

	private AuditLedgerLoad() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		long[] sizes = Arrays.stream(options.text("sizes", "1000000,10000000").split(","))
			.map(String::strip)
			.mapToLong((size) -> Long.parseLong(size.replace("_", "")))
			.sorted()
			.toArray();
		int samples = options.integer("samples", 10_000);
		String store = options.text("store", "memory");
		System.out.printf(Locale.ROOT,
				"audit ledger load: store=%s sizes=%s samples=%d; %s; %s %s; %d cpus; max heap %d MiB%n", store,
				Arrays.toString(sizes), samples, Instant.now(), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.println("load average before: " + Percentiles.loadAverage());
		if (store.equals("redis")) {
			Path dir = Files.createTempDirectory("vigil-audit-load-");
			try (RedisServer redis = RedisServer.start(dir, FreePorts.pick())) {
				LettuceConnectionFactory connections = new LettuceConnectionFactory(
						new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
				connections.afterPropertiesSet();
				try {
					RedisTreeStore tree = new RedisTreeStore(new StringRedisTemplate(connections),
							new AuditKeys("vigil:audit-load"));
					run(new Ledger("load", tree), tree, sizes, samples);
				}
				finally {
					connections.destroy();
				}
			}
		}
		else {
			run(new Ledger("load", new InMemoryTreeStore()), null, sizes, samples);
		}
		System.out.println("load average after: " + Percentiles.loadAverage());
	}

	private static void run(Ledger ledger, RedisTreeStore redis, long[] sizes, int samples) {
		SplittableRandom random = new SplittableRandom(8);
		long appended = 0;
		for (long size : sizes) {
			long from = appended;
			long appendNanos = 0;
			long wallStart = System.nanoTime();
			while (appended < size) {
				byte[] entry = entry(appended);
				long start = System.nanoTime();
				if (redis != null) {
					redis.stage(entry, appended + 1);
				}
				ledger.append(entry);
				appendNanos += System.nanoTime() - start;
				appended++;
			}
			double wall = (System.nanoTime() - wallStart) / 1e9;
			System.out.printf(Locale.ROOT,
					"appends %,d → %,d: %,.0f appends/s (Ledger.append only), %,.0f appends/s with building the entries, %.1f s%n",
					from, size, (size - from) / (appendNanos / 1e9), (size - from) / wall, wall);
			measureProofs(ledger, size, samples, random);
			System.gc();
			var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			System.out.printf(Locale.ROOT, "heap used after GC at %,d: %d MiB; load average %s%n", size,
					heap.getUsed() >> 20, Percentiles.loadAverage());
		}
	}

	private static void measureProofs(Ledger ledger, long size, int samples, SplittableRandom random) {
		Hash root = ledger.root(size);
		Latencies makeInclusion = new Latencies("inclusion proof, make, size " + size);
		Latencies checkInclusion = new Latencies("inclusion proof, check, size " + size);
		Latencies makeConsistency = new Latencies("consistency proof, make, size " + size);
		Latencies checkConsistency = new Latencies("consistency proof, check, size " + size);
		// Warm up the code paths (JIT) on a few hundred proofs first, not counted.
		for (int i = 0; i < samples + Math.min(500, samples); i++) {
			boolean counted = i >= Math.min(500, samples);
			long seq = random.nextLong(size);
			Hash leaf = ledger.leaf(seq);
			long start = System.nanoTime();
			InclusionProof inclusion = ledger.inclusion(seq, size);
			long made = System.nanoTime();
			boolean included = inclusion.verify(leaf, root);
			long checked = System.nanoTime();
			if (!included) {
				throw new IllegalStateException("inclusion proof of " + seq + " in " + size + " does not verify");
			}
			long from = 1 + random.nextLong(size - 1);
			Hash fromRoot = ledger.root(from);
			long start2 = System.nanoTime();
			ConsistencyProof consistency = ledger.consistency(from, size);
			long made2 = System.nanoTime();
			boolean consistent = consistency.verify(fromRoot, root);
			long checked2 = System.nanoTime();
			if (!consistent) {
				throw new IllegalStateException("consistency proof " + from + " → " + size + " does not verify");
			}
			if (counted) {
				makeInclusion.record(made - start);
				checkInclusion.record(checked - made);
				makeConsistency.record(made2 - start2);
				checkConsistency.record(checked2 - made2);
			}
		}
		System.out.println(makeInclusion.summary());
		System.out.println(checkInclusion.summary());
		System.out.println(makeConsistency.summary());
		System.out.println(checkConsistency.summary());
	}

	/** Latencies recorded in nanoseconds, printed in microseconds: proofs take a few. */
	private static final class Latencies {

		private final String name;

		private final Histogram histogram = new Histogram(60_000_000_000L, 3);

		Latencies(String name) {
			this.name = name;
		}

		void record(long nanos) {
			this.histogram.recordValue(Math.max(0, Math.min(nanos, this.histogram.getHighestTrackableValue())));
		}

		String summary() {
			return String.format(Locale.ROOT, "%-42s n=%-6d p50=%9.1f µs  p99=%9.1f µs  p99.9=%9.1f µs  max=%9.1f µs",
					this.name, this.histogram.getTotalCount(), micros(50), micros(99), micros(99.9),
					this.histogram.getMaxValue() / 1000.0);
		}

		private double micros(double percentile) {
			return this.histogram.getValueAtPercentile(percentile) / 1000.0;
		}

	}

	private static final byte[] TEMPLATE = ("{\"action\":\"REQUEST_ACKNOWLEDGED\",\"actor\":\"de.mueller\","
			+ "\"at\":\"2026-11-23T03:00:00Z\",\"correlationId\":\"FR-2026-%010d\",\"detail\":\"at step 1, paged; "
			+ "answer due by 2026-11-23T15:00:00Z\",\"digest\":null,\"id\":\"event:FR-2026-%010d:8\","
			+ "\"object\":\"FR-2026-%010d\",\"outcome\":\"ACCEPTED\",\"parties\":[\"FR\",\"DE\"]}")
		.getBytes(StandardCharsets.UTF_8);

	/** A ~330-byte canonical audit entry, different for each seq. */
	private static byte[] entry(long seq) {
		return String.format(Locale.ROOT, new String(TEMPLATE, StandardCharsets.UTF_8), seq, seq, seq)
			.getBytes(StandardCharsets.UTF_8);
	}

}
