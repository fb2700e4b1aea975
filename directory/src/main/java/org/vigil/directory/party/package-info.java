/**
 * Contact points, the officers who staff them, and the network-wide settings.
 */
package org.vigil.directory.party;
