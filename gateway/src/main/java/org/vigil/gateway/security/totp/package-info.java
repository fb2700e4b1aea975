/**
 * The second factor of people's logins: TOTP (RFC 6238) secrets kept encrypted in Redis,
 * the code step of the form login, the code header of HTTP Basic calls, and enrolment.
 */
package org.vigil.gateway.security.totp;
