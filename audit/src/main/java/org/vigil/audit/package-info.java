/**
 * The tamper-evident audit ledger: an RFC 9162 Merkle tree over the canonical audit
 * entries ({@code merkle}), signed C2SP checkpoints ({@code checkpoint}), the ledger that
 * sequences entries ({@code ledger}), and the export with its offline verifier
 * ({@code export}). See docs/audit.md.
 */
package org.vigil.audit;
