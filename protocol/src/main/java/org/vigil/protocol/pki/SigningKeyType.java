package org.vigil.protocol.pki;

/** The kinds of key a signing certificate may hold. */
public enum SigningKeyType {

	/** ECDSA on NIST P-256 (secp256r1), signing with SHA-256. The default. */
	EC_P256,

	/** ECDSA on NIST P-384 (secp384r1), signing with SHA-384. */
	EC_P384,

	/** Pure Ed25519 (RFC 8032); CMS uses SHA-512 as its digest (RFC 8419). */
	ED25519

}
