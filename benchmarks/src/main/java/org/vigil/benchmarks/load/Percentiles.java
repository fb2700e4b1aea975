package org.vigil.benchmarks.load;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/** Latencies recorded in microseconds, printed in milliseconds. */
final class Percentiles {

	private final String name;

	private final Histogram histogram = new Histogram(3_600_000_000L, 3);

	Percentiles(String name) {
		this.name = name;
	}

	synchronized void recordMicros(long micros) {
		this.histogram.recordValue(Math.max(0, Math.min(micros, this.histogram.getHighestTrackableValue())));
	}

	synchronized long count() {
		return this.histogram.getTotalCount();
	}

	synchronized String summary() {
		return String.format(Locale.ROOT, "%-46s n=%-7d p50=%8.2f ms  p99=%8.2f ms  p99.9=%8.2f ms  max=%8.2f ms",
				this.name, this.histogram.getTotalCount(), millis(50), millis(99), millis(99.9),
				this.histogram.getMaxValue() / 1000.0);
	}

	/** A percentile in milliseconds, for progress lines; "-" when nothing is recorded. */
	synchronized String millisAt(double percentile) {
		return (this.histogram.getTotalCount() == 0) ? "-" : String.format(Locale.ROOT, "%.0f ms", millis(percentile));
	}

	synchronized double millis(double percentile) {
		return this.histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	static String loadAverage() {
		try {
			return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

}
