/**
 * The directory of the network: Parties, their contact points and officers, on-call
 * rosters and escalation policies, and who is on call at a given instant.
 */
package org.vigil.directory;
