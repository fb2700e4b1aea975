/**
 * On-call rotations in a contact point's local wall-clock time, and the rules that turn
 * them into instants across daylight-saving transitions.
 */
package org.vigil.directory.roster;
