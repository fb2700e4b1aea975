/**
 * The ledger: the audit log's sequenced entries in a Merkle tree, with roots, proofs and
 * signed checkpoints, behind one small API for the consumer that sequences
 * {@code vigil.audit} and for the API that serves proofs.
 */
package org.vigil.audit.ledger;
