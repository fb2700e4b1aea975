package org.vigil.gateway.problem;

/**
 * One field of a request body that is wrong, and why.
 *
 * @param field the JSON property, dotted for nested ones
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
