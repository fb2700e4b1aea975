/**
 * The tamper-evident audit log. Not built yet: it comes with the audit ledger issue (an
 * RFC 9162 Merkle tree over canonical audit entries, signed checkpoints, proofs and an
 * offline verifier).
 */
package org.vigil.audit;
