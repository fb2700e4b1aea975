package org.vigil.dispatcher.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.utils.Bytes;
import org.vigil.protocol.RequestId;

/**
 * The key layout of the deadline store: 8 bytes of the due instant in epoch milliseconds,
 * big endian, then the request id in UTF-8. Stores iterate keys in unsigned byte order,
 * which for non-negative millis is due-time order, so the due deadlines are always a
 * prefix of the store. The value is the fence the timer was set with, as 8 bytes.
 */
final class DeadlineIndex {

	/** Below every key. */
	static final Bytes FIRST = Bytes.wrap(new byte[0]);

	private DeadlineIndex() {
	}

	/**
	 * Above every key due at or before {@code now} and below every later one: the due
	 * millis of the next millisecond with no request id after them.
	 */
	static Bytes dueBy(Instant now) {
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(Math.max(0, now.toEpochMilli() + 1)).array());
	}

	static Bytes key(Instant due, RequestId requestId) {
		byte[] id = requestId.value().getBytes(StandardCharsets.UTF_8);
		return Bytes
			.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(Math.max(0, due.toEpochMilli())).put(id).array());
	}

	static Instant due(Bytes key) {
		return Instant.ofEpochMilli(ByteBuffer.wrap(key.get()).getLong());
	}

	static RequestId requestId(Bytes key) {
		byte[] bytes = key.get();
		return RequestId.of(new String(bytes, Long.BYTES, bytes.length - Long.BYTES, StandardCharsets.UTF_8));
	}

	static byte[] fence(long fence) {
		return ByteBuffer.allocate(Long.BYTES).putLong(fence).array();
	}

	static long fence(byte[] value) {
		return ByteBuffer.wrap(value).getLong();
	}

}
