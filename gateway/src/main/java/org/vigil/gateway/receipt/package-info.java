/**
 * Signed receipts for the steps a sender cares about: accepted, delivered, acknowledged.
 */
package org.vigil.gateway.receipt;
