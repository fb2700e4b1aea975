/**
 * Reachability drills: test alerts the network sends a contact point on demand or on a
 * schedule, and the per-Party report of how fast they were acknowledged.
 */
package org.vigil.gateway.drill;
