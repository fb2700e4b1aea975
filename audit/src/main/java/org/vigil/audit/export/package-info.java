/**
 * The audit log's export for auditors (JSON Lines of entries, signed checkpoints and
 * proofs) and the offline verifier that replays it.
 */
package org.vigil.audit.export;
