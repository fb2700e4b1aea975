/**
 * The API described: the OpenAPI document at {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html}, both public, with every problem detail an operation may
 * answer.
 */
package org.vigil.gateway.apidocs;
