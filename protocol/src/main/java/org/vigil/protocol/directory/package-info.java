/**
 * The signed export of the whole directory: the document the network circulates to every
 * Party, verifiable offline with the network CA alone.
 */
package org.vigil.protocol.directory;
