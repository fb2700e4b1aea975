/**
 * Turns every failure an API client can cause into an RFC 9457 problem detail with a
 * stable type.
 */
package org.vigil.gateway.problem;
