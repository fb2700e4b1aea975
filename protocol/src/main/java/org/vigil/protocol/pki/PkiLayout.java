package org.vigil.protocol.pki;

import java.nio.file.Path;
import java.util.Objects;

import org.vigil.protocol.CountryCode;

/**
 * Where a {@link DevPki} lives on disk. Under the root folder:
 *
 * <pre>
 * ca.pem                      the network CA certificate (PEM), the trust anchor
 * ca.p12                      the CA key and certificate (PKCS#12, password)
 * crl.pem                     the current CRL, signed by the CA (PEM)
 * network/signing.p12         the network's signing key + chain (PKCS#12, password)
 * parties/FR/signing.p12      FR's signing key + chain (PKCS#12, password)
 * parties/FR/tls-client.p12   FR's TLS client key + chain (PKCS#12, password)
 * parties/FR/tls-client.pem   FR's TLS client certificate + chain (PEM), for curl --cert
 * parties/FR/tls-client.key   FR's TLS client key (PKCS#8 PEM, unencrypted, owner-only), for curl --key
 * gateway/tls-server.p12      the gateway's TLS server key + chain for its mutual-TLS port
 *                             (PKCS#12, password; made by the standalone network)
 * </pre>
 *
 * Every PKCS#12 file holds one key entry, whose chain is the certificate followed by the
 * CA certificate, under the alias given here, protected by one password (the same for all
 * files of a layout).
 *
 * @param root the folder
 */
public record PkiLayout(Path root) {

	/** Alias of the key entry in {@code ca.p12}. */
	public static final String CA_ALIAS = "ca";

	/** Alias of the key entry in every {@code signing.p12}. */
	public static final String SIGNING_ALIAS = "signing";

	/** Alias of the key entry in every {@code tls-client.p12}. */
	public static final String TLS_CLIENT_ALIAS = "tls-client";

	/** Alias of the key entry in {@code gateway/tls-server.p12}. */
	public static final String TLS_SERVER_ALIAS = "tls-server";

	public PkiLayout {
		Objects.requireNonNull(root, "root");
	}

	public Path caCertificate() {
		return this.root.resolve("ca.pem");
	}

	public Path caKeyStore() {
		return this.root.resolve("ca.p12");
	}

	public Path crl() {
		return this.root.resolve("crl.pem");
	}

	public Path networkSigning() {
		return this.root.resolve("network").resolve("signing.p12");
	}

	/** The folder holding the contact points' folders. */
	public Path parties() {
		return this.root.resolve("parties");
	}

	public Path party(CountryCode country) {
		return parties().resolve(country.value());
	}

	public Path partySigning(CountryCode country) {
		return party(country).resolve("signing.p12");
	}

	public Path partyTlsClient(CountryCode country) {
		return party(country).resolve("tls-client.p12");
	}

	/** The TLS client certificate and its chain as PEM, for tools such as curl. */
	public Path partyTlsClientCertificatePem(CountryCode country) {
		return party(country).resolve("tls-client.pem");
	}

	/** The TLS client key as unencrypted PKCS#8 PEM, readable by its owner only. */
	public Path partyTlsClientKeyPem(CountryCode country) {
		return party(country).resolve("tls-client.key");
	}

	/** The gateway's TLS server key and chain, for its mutual-TLS port. */
	public Path gatewayTlsServer() {
		return this.root.resolve("gateway").resolve("tls-server.p12");
	}

}
