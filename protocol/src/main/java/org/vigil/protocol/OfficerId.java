package org.vigil.protocol;

import java.io.Serializable;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A person in the network: an officer of a contact point, a requester or the network
 * coordinator. Also their login name in the console.
 *
 * @param value 2 to 64 lower-case letters, digits, '.', '_' or '-'
 */
public record OfficerId(@JsonValue String value) implements Serializable {

	private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	public OfficerId {
		Objects.requireNonNull(value, "value");
		if (!FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("an officer id is 2 to 64 lower-case letters, digits, '.', '_' or '-'");
		}
	}

	@JsonCreator
	public static OfficerId of(String value) {
		return new OfficerId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
