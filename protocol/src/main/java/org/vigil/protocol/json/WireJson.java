package org.vigil.protocol.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the wire types as JSON, the same way in every service.
 *
 * <p>
 * Unknown properties are ignored so that an older service can read a newer record;
 * duplicate keys are refused, because two readers could otherwise disagree on what a
 * record says. Instants are ISO-8601 strings in UTC.
 */
public final class WireJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private WireJson() {
	}

	/** The shared mapper; it is immutable and thread-safe. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/**
	 * Reads one value.
	 * @throws UnreadableRecord if the bytes are not JSON of that type, or break its
	 * invariants
	 */
	public static <T> T read(byte[] bytes, Class<T> type) {
		try {
			return MAPPER.readValue(bytes, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new UnreadableRecord(type, ex);
		}
	}

}
