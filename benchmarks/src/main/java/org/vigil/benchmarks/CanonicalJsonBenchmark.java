package org.vigil.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigil.protocol.canonical.CanonicalJson;

/**
 * {@link CanonicalJson#canonicalize(byte[])} of a request of about 2 KiB as the wire
 * mapper writes it (members in declaration order, so the canonicalizer has to sort them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CanonicalJsonBenchmark {

	private byte[] json;

	@Setup
	public void setUp() {
		this.json = Fixtures.wireRequest();
	}

	@Benchmark
	public byte[] canonicalize() {
		return CanonicalJson.canonicalize(this.json);
	}

}
