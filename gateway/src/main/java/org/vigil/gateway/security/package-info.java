/**
 * Who may do what: logins, roles scoped to a country, and what each role may see.
 */
package org.vigil.gateway.security;
