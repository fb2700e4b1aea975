/**
 * CMS SignedData (RFC 5652) as the network signs documents: the content encapsulated, one
 * signer, signed attributes (content-type, message-digest, signing-time), ECDSA on P-256
 * with SHA-256 by default or pure Ed25519 with a SHA-512 digest attribute (RFC 8419).
 *
 * <p>
 * {@link org.vigil.protocol.signing.CmsSigner} makes such a document;
 * {@link org.vigil.protocol.signing.CmsVerifier} accepts one only if every check passes,
 * and otherwise says which failed first with a
 * {@link org.vigil.protocol.signing.SignatureRejected.Reason}. The verifier never
 * interprets the content: it hands back the exact bytes that were signed.
 *
 * <p>
 * Bouncy Castle is used through the unregistered provider instance of
 * {@link org.vigil.protocol.pki.BouncyCastle}; PKIX path validation is the JDK's.
 */
package org.vigil.protocol.signing;
