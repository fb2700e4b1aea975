/**
 * The RFC 9162 §2.1 Merkle tree over the audit log's entries: tree hashes, inclusion and
 * consistency proofs, their verification, and the store of subtree hashes that makes
 * every root and proof cost O(log n) hashing. Pure Java, no Spring.
 */
package org.vigil.audit.merkle;
