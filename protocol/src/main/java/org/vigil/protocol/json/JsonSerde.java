package org.vigil.protocol.json;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a wire type, as {@link WireJson}. Needs kafka-clients on the classpath,
 * which this module does not bring along.
 *
 * @param <T> the wire type
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

	private final Class<T> type;

	private JsonSerde(Class<T> type) {
		this.type = type;
	}

	public static <T> JsonSerde<T> of(Class<T> type) {
		return new JsonSerde<>(type);
	}

	@Override
	public byte[] serialize(String topic, T data) {
		return (data != null) ? WireJson.write(data) : null;
	}

	/**
	 * @throws UnreadableRecord if the bytes are not a valid {@code T}
	 */
	@Override
	public T deserialize(String topic, byte[] data) {
		return (data != null) ? WireJson.read(data, this.type) : null;
	}

	@Override
	public Serializer<T> serializer() {
		return this;
	}

	@Override
	public Deserializer<T> deserializer() {
		return this;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		// Nothing to configure: the mapper is fixed so every service reads records alike.
	}

	@Override
	public void close() {
	}

}
