package org.vigil.dispatcher.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.Topics;

/**
 * {@link Topics#REQUESTS} → ladders → {@link Topics#EVENTS}, with unreadable commands to
 * {@link Topics#REQUESTS_DEAD_LETTER}. Both stores are in memory and changelogged: a task
 * that moves to another instance, or restarts after a crash, is rebuilt from its
 * changelog before it processes anything.
 */
public final class DispatcherTopology {

	static final String LADDER_STORE = "ladders";

	static final String DEADLINE_STORE = "deadlines";

	static final String EVENTS_SINK = "events";

	static final String DEAD_LETTER_SINK = "dead-letters";

	private DispatcherTopology() {
	}

	public static Topology build(Clock clock, DirectoryView directory, Optional<Duration> deadlineOverride,
			Duration tick) {
		return build(clock, directory, deadlineOverride, tick, LadderMetrics.unobserved());
	}

	public static Topology build(Clock clock, DirectoryView directory, Optional<Duration> deadlineOverride,
			Duration tick, LadderMetrics metrics) {
		Topology topology = new Topology();
		topology.addSource("commands", new StringDeserializer(), new ByteArrayDeserializer(), Topics.REQUESTS);
		topology.addProcessor("ladder", () -> new LadderProcessor(clock, directory, deadlineOverride, tick, metrics),
				"commands");
		topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LADDER_STORE), Serdes.String(),
				Serdes.ByteArray()), "ladder");
		topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DEADLINE_STORE), Serdes.Bytes(),
				Serdes.ByteArray()), "ladder");
		topology.addSink(EVENTS_SINK, Topics.EVENTS, new StringSerializer(), new ByteArraySerializer(), "ladder");
		topology.addSink(DEAD_LETTER_SINK, Topics.REQUESTS_DEAD_LETTER, new StringSerializer(),
				new ByteArraySerializer(), "ladder");
		return topology;
	}

}
