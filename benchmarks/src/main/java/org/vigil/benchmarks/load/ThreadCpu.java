package org.vigil.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of another process, thread by thread, from Linux's {@code /proc}: where a
 * network's CPU goes while it is under load, without a profiler in it. A profiler's
 * samples leave out the JIT compiler and the collector and do not add up to the time the
 * threads used; these figures do.
 *
 * <p>
 * Threads are keyed by id, so a thread that ends between two snapshots loses only its
 * last interval, and a thread born between them counts whole.
 */
final class ThreadCpu {

	/**
	 * Jiffies per second. Linux reports {@code utime}/{@code stime} in USER_HZ, 100 on
	 * every architecture Linux builds for user space today.
	 */
	private static final double TICKS_PER_SECOND = 100;

	/**
	 * The groups the report adds up, by the start of a thread's name; first match wins.
	 */
	private static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
			Map.entry("JIT compiler", Pattern.compile("^(C\\d CompilerThre|Sweeper thread)")),
			Map.entry("garbage collector", Pattern.compile("^(GC Thread|G1 |VM Thread|VM Periodic)")),
			Map.entry("HTTP, TLS and STOMP",
					Pattern.compile("^(https?-|clientInbound|clientOutbound|brokerChannel|MessageBroker)")),
			Map.entry("Redis client (Lettuce)", Pattern.compile("^lettuce-")),
			Map.entry("gateway projector", Pattern.compile("^vigil-gateway-p")),
			Map.entry("gateway drills and direct consumers", Pattern.compile("^vigil-gateway-")),
			Map.entry("dispatcher (Kafka Streams)", Pattern.compile("^vigil-dispatche")),
			// Linux keeps 15 characters of a name: "kafka-coordinat" is a consumer's
			// heartbeat thread, not the broker's coordinator.
			Map.entry("Kafka clients' I/O and heartbeats",
					Pattern.compile("^(kafka-producer|kafka-coordinat|kafka-admin-cli)")),
			Map.entry("scheduled tasks", Pattern.compile("^ThreadPoolTaskS")),
			Map.entry("audit", Pattern.compile("^audit-")), Map.entry("notifier", Pattern.compile("^notifier-")),
			Map.entry("embedded broker", Pattern.compile(
					"^(data-plane-kafk|kafka-|group-coordinat|TxnMarker|AddPartitionsTo|quorum-|raft-|ExpirationReape|executor-|broker-|share-|transaction-|LogDirFailure|controller-|metrics-meter|ReplicaFetcher)")));

	private final long pid;

	private ThreadCpu(long pid) {
		this.pid = pid;
	}

	/** Empty where there is no {@code /proc} to read (not Linux). */
	static Optional<ThreadCpu> of(long pid) {
		return Files.isDirectory(Path.of("/proc", Long.toString(pid), "task")) ? Optional.of(new ThreadCpu(pid))
				: Optional.empty();
	}

	/** Ticks used so far, by thread id, with the thread's name. */
	Map<Long, Used> snapshot() {
		Map<Long, Used> threads = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(this.pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					// The name is in parentheses and may hold spaces or ')': the fields
					// after the last ')' are fixed.
					int close = stat.lastIndexOf(')');
					String name = stat.substring(stat.indexOf('(') + 1, close);
					String[] fields = stat.substring(close + 2).split(" ");
					// utime and stime are fields 14 and 15 of stat(5); 3 is fields[0].
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					threads.put(Long.parseLong(task.getFileName().toString()), new Used(name, ticks));
				}
				catch (IOException | RuntimeException ex) {
					// The thread ended while we listed: it counts up to the last
					// snapshot.
				}
			}
		}
		catch (IOException ex) {
			// The process ended: nothing more to add.
		}
		return threads;
	}

	/**
	 * The CPU each group used between two snapshots, as a report line per group.
	 * @param requests what the time is divided by, for "per request"
	 */
	static String report(Map<Long, Used> before, Map<Long, Used> after, double seconds, int requests) {
		Map<String, Long> byGroup = new LinkedHashMap<>();
		GROUPS.forEach((group) -> byGroup.put(group.getKey(), 0L));
		byGroup.put("other", 0L);
		long total = 0;
		for (Map.Entry<Long, Used> thread : after.entrySet()) {
			Used earlier = before.get(thread.getKey());
			long used = thread.getValue().ticks() - ((earlier != null) ? earlier.ticks() : 0);
			total += used;
			byGroup.merge(group(thread.getValue().name()), used, Long::sum);
		}
		StringBuilder report = new StringBuilder(
				String.format(Locale.ROOT, "network CPU: %.2f cores over %.0f s, %.1f ms per request (%d requests)%n",
						total / TICKS_PER_SECOND / seconds, seconds, millis(total) / requests, requests));
		long all = Math.max(1, total);
		byGroup.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.filter((group) -> group.getValue() > 0)
			.forEach((group) -> report.append(String.format(Locale.ROOT, "  %-38s %5.1f ms per request  %3.0f %%%n",
					group.getKey(), millis(group.getValue()) / requests, 100.0 * group.getValue() / all)));
		return report.toString();
	}

	private static String group(String threadName) {
		return GROUPS.stream()
			.filter((group) -> group.getValue().matcher(threadName).find())
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("other");
	}

	private static double millis(long ticks) {
		return ticks * 1000 / TICKS_PER_SECOND;
	}

	/** A thread's name and the ticks it has used. */
	record Used(String name, long ticks) {
	}

}
