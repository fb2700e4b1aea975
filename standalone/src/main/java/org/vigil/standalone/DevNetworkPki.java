package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.PkiLayout;

/**
 * The standalone network's PKI: created once with the demo data, kept with the rest of
 * the data, so that a restart keeps trusting the keys it handed out. A real network uses
 * its own CA.
 */
final class DevNetworkPki {

	/**
	 * Demo only: the password of the dev PKI's key stores, unless VIGIL_PKI_PASSWORD says
	 * otherwise.
	 */
	static final String DEFAULT_PASSWORD = "vigil-dev-pki";

	private static final Logger log = LoggerFactory.getLogger(DevNetworkPki.class);

	private DevNetworkPki() {
	}

	/**
	 * A CRL is good for a week; the demo issues a fresh one at every start, or every
	 * signed request would be refused as "revocation unknown" once a week had passed.
	 */
	private static void renewCrl(PkiLayout layout, char[] password) {
		try {
			Pem.writeCrl(layout.crl(), DevPki.load(layout.root(), password).issueCrl());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot renew the dev PKI's CRL in " + layout.root(), ex);
		}
	}

	static PkiLayout ensure(Path dir, char[] password) {
		PkiLayout layout = new PkiLayout(dir.toAbsolutePath());
		if (Files.isRegularFile(layout.caCertificate())) {
			renewCrl(layout, password);
		}
		else {
			List<CountryCode> parties = SeedDirectory.demo()
				.contactPoints()
				.stream()
				.map(ContactPoint::country)
				.toList();
			try {
				DevPki.generate(Clock.systemUTC(), parties).write(layout.root(), password);
				// A server certificate of an earlier CA would no longer be trusted.
				Files.deleteIfExists(layout.gatewayTlsServer());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the dev PKI to " + dir, ex);
			}
			log.info("Created a dev network PKI for {} in {}", parties, layout.root());
		}
		ensureTls(layout, password);
		return layout;
	}

	/**
	 * What a PKI made before mutual TLS lacks: the gateway's TLS server certificate for
	 * this machine, and the contact points' TLS client credentials as PEM for curl.
	 */
	static void ensureTls(PkiLayout layout, char[] password) {
		try {
			DevPki pki = null;
			if (!Files.isRegularFile(layout.gatewayTlsServer())) {
				pki = DevPki.load(layout.root(), password);
				pki.issueTlsServer(List.of("localhost"), List.of("127.0.0.1", "::1"))
					.writePkcs12(layout.gatewayTlsServer(), PkiLayout.TLS_SERVER_ALIAS, password);
				log.info("Issued the gateway's TLS server certificate (localhost, 127.0.0.1) in {}",
						layout.gatewayTlsServer());
			}
			for (CountryCode country : SeedDirectory.demo()
				.contactPoints()
				.stream()
				.map(ContactPoint::country)
				.toList()) {
				if (Files.isRegularFile(layout.partyTlsClient(country))
						&& !Files.isRegularFile(layout.partyTlsClientKeyPem(country))) {
					pki = (pki != null) ? pki : DevPki.load(layout.root(), password);
					DevPki.writeTlsClientPem(layout, pki.party(country));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot complete the dev PKI's TLS files in " + layout.root(), ex);
		}
	}

}
