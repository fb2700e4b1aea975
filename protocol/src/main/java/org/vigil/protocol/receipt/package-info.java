/**
 * Signed receipts: what the network vouches for to the sender of a request, verifiable
 * offline.
 */
package org.vigil.protocol.receipt;
