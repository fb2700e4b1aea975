/**
 * The public-key infrastructure of the network.
 *
 * <p>
 * One network CA (EC P-256, self-signed) issues, for each contact point (a Party to the
 * Convention, named by its {@link org.vigil.protocol.CountryCode}), a TLS client
 * certificate and a signing certificate, and one signing certificate for the network
 * itself. Every end-entity certificate names its holder in exactly one subjectAltName
 * URI: {@code urn:vigil:party:FR} or {@code urn:vigil:network}; see
 * {@link org.vigil.protocol.pki.PartyIdentity}. Signing certificates carry the Vigil
 * document-signing extended key usage ({@link org.vigil.protocol.pki.VigilOids}), which
 * TLS certificates never do, so a TLS key can never pass for a signing key.
 *
 * <p>
 * {@link org.vigil.protocol.pki.DevPki} makes such a PKI for development and tests;
 * production keys come from elsewhere, but in the same shape.
 *
 * <p>
 * Bouncy Castle is used through the single {@link org.vigil.protocol.pki.BouncyCastle}
 * provider instance, passed explicitly; it is never registered JVM-wide.
 */
package org.vigil.protocol.pki;
