/**
 * Trust: verifying signed requests from national systems, and signing on behalf of people
 * and for the network.
 */
package org.vigil.gateway.signing;
