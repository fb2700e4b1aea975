package org.vigil.gateway.apidocs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.vigil.gateway.problem.FieldError;

/**
 * The shape of every error answer, for the OpenAPI document only: the gateway writes
 * Spring's {@code ProblemDetail}, whose extra members are flattened into the same object.
 *
 * @param type a stable relative URI per kind of failure, e.g.
 * {@code /problems/invalid-fields}
 * @param title a short summary of the kind of failure
 * @param status the HTTP status
 * @param detail what went wrong with this call, in words a person can act on
 * @param instance the path that was called
 * @param errors for {@code /problems/invalid-fields} and some malformed requests: the
 * fields at fault
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json)")
record ProblemDocument(@Schema(example = "/problems/invalid-fields") String type,
		@Schema(example = "Invalid fields") String title, @Schema(example = "422") int status,
		@Schema(example = "to: must be a two-letter country code") String detail,
		@Schema(example = "/api/v1/requests") String instance, List<FieldError> errors) {
}
