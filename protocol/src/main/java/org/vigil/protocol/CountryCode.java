package org.vigil.protocol;

import java.io.Serializable;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A Party to the Convention, by its ISO 3166-1 alpha-2 code, always upper case.
 *
 * @param value two upper-case ASCII letters
 */
public record CountryCode(@JsonValue String value) implements Serializable {

	private static final Pattern FORM = Pattern.compile("[A-Z]{2}");

	public CountryCode {
		Objects.requireNonNull(value, "value");
		if (!FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("a country is an ISO 3166-1 alpha-2 code such as FR or JP");
		}
	}

	@JsonCreator
	public static CountryCode of(String value) {
		return new CountryCode(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
