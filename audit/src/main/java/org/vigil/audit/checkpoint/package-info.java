/**
 * Signed checkpoints of the audit log: the C2SP tlog-checkpoint body (origin, tree size,
 * root hash) in a C2SP signed note, signed with the log's Ed25519 key, and the verifier
 * key text ({@code name+hash+key}) that auditors hold.
 */
package org.vigil.audit.checkpoint;
