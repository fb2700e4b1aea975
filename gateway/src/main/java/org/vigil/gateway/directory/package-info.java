/**
 * The directory as the gateway serves it: the signed export the network circulates to
 * every Party.
 */
package org.vigil.gateway.directory;
