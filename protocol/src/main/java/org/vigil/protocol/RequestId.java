package org.vigil.protocol;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies one request across the whole network, and keys every Kafka record about it
 * so that its whole history lands on one partition, in order.
 *
 * @param value 8 to 64 characters of letters, digits, '-', '_' or '.', starting with a
 * letter or digit
 */
public record RequestId(@JsonValue String value) {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{7,63}");

	public RequestId {
		Objects.requireNonNull(value, "value");
		if (!FORM.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"a request id is 8 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
	}

	@JsonCreator
	public static RequestId of(String value) {
		return new RequestId(value);
	}

	public static RequestId random() {
		return new RequestId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
