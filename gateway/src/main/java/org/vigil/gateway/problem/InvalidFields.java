package org.vigil.gateway.problem;

import java.net.URI;
import java.util.List;

/**
 * A request body that parsed but says something the network cannot accept: 422.
 */
public class InvalidFields extends RuntimeException {

	private final URI type;

	private final List<FieldError> errors;

	public InvalidFields(URI type, List<FieldError> errors) {
		super(describe(errors));
		this.type = type;
		this.errors = List.copyOf(errors);
	}

	public static InvalidFields of(String field, String message) {
		return new InvalidFields(ProblemTypes.INVALID_FIELDS, List.of(new FieldError(field, message)));
	}

	public URI type() {
		return this.type;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	static String describe(List<FieldError> errors) {
		return String.join("; ", errors.stream().map((error) -> error.field() + ": " + error.message()).toList());
	}

}
