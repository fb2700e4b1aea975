/**
 * The RFC 8785 canonical JSON form that signatures are computed over, so that every
 * implementation signs and verifies the same bytes.
 */
package org.vigil.protocol.canonical;
