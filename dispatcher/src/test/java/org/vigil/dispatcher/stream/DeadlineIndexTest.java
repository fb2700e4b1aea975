package org.vigil.dispatcher.stream;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.RequestId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline index sorts by due time, and {@link DeadlineIndex#dueBy} cuts it exactly
 * between what is due now and what is not, whatever the request ids.
 */
class DeadlineIndexTest {

	private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

	@Test
	void theDueRangeHoldsEveryKeyDueByNowAndNoLaterOne() {
		TreeMap<Bytes, String> index = new TreeMap<>();
		List<String> ids = List.of("a0000000", "zzzzzzzz-zzzz", "________", "00000000");
		for (String id : ids) {
			index.put(DeadlineIndex.key(NOW.minusMillis(1), RequestId.of("early-" + id)), "early");
			index.put(DeadlineIndex.key(NOW, RequestId.of("now-" + id)), "now");
			index.put(DeadlineIndex.key(NOW.plusMillis(1), RequestId.of("late-" + id)), "late");
			index.put(DeadlineIndex.key(NOW.plusSeconds(3600), RequestId.of("later-" + id)), "later");
		}

		var due = index.subMap(DeadlineIndex.FIRST, true, DeadlineIndex.dueBy(NOW), true);

		assertThat(due.values()).containsOnly("early", "now").hasSize(2 * ids.size());
		assertThat(due.keySet()).allSatisfy((key) -> assertThat(DeadlineIndex.due(key)).isBeforeOrEqualTo(NOW));
	}

}
