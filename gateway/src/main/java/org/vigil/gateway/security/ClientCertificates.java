package org.vigil.gateway.security;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.vigil.gateway.signing.NetworkTrust;

/**
 * The checks of a national system's TLS client certificate that the handshake does not
 * make, or makes with the wrong clock: the handshake has already required a chain to the
 * network CA (the only certificate in the port's trust store); here the certificate must
 * be issued by that CA, be valid at the gateway's {@link Clock}, be meant for TLS
 * clients, and not be revoked in the current CRL. Revocation is a hard fail: no authentic
 * CRL that is current at the clock, no entry.
 */
final class ClientCertificates {

	/** As the signature verifier: a CRL issued a little in the future still counts. */
	private static final Duration CRL_CLOCK_SKEW = Duration.ofMinutes(5);

	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private final NetworkTrust trust;

	private final Clock clock;

	ClientCertificates(NetworkTrust trust, Clock clock) {
		this.trust = trust;
		this.clock = clock;
	}

	/**
	 * @throws Refused saying why the certificate does not authenticate anyone
	 */
	void check(X509Certificate certificate) {
		X509Certificate ca = this.trust.caCertificate();
		try {
			certificate.verify(ca.getPublicKey());
		}
		catch (GeneralSecurityException ex) {
			throw new Refused("it is not issued by the network CA");
		}
		Instant now = this.clock.instant();
		try {
			certificate.checkValidity(Date.from(now));
		}
		catch (CertificateExpiredException ex) {
			throw new Refused("it expired at " + certificate.getNotAfter().toInstant());
		}
		catch (CertificateNotYetValidException ex) {
			throw new Refused("it is valid only from " + certificate.getNotBefore().toInstant());
		}
		if (certificate.getBasicConstraints() != -1) {
			throw new Refused("it is a CA certificate");
		}
		List<String> purposes;
		try {
			purposes = certificate.getExtendedKeyUsage();
		}
		catch (CertificateParsingException ex) {
			throw new Refused("its extended key usage cannot be read");
		}
		if (purposes == null || !purposes.contains(CLIENT_AUTH)) {
			throw new Refused("it is not a TLS client certificate (extended key usage clientAuth)");
		}
		X509CRL crl = this.trust.crl().orElseThrow(() -> new Refused("the network's CRL cannot be read"));
		if (!authentic(crl, ca)) {
			throw new Refused("the network's CRL is not signed by the network CA");
		}
		if (crl.getNextUpdate() == null || now.isAfter(crl.getNextUpdate().toInstant())
				|| crl.getThisUpdate().toInstant().isAfter(now.plus(CRL_CLOCK_SKEW))) {
			throw new Refused("the network's CRL is not current at " + now + ", so revocation is unknown");
		}
		X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
		if (entry != null) {
			throw new Refused("it was revoked at " + entry.getRevocationDate().toInstant() + " (serial "
					+ certificate.getSerialNumber().toString(16) + ")");
		}
	}

	private static boolean authentic(X509CRL crl, X509Certificate ca) {
		if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
			return false;
		}
		try {
			crl.verify(ca.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	/** Why a client certificate authenticates nobody. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String why) {
			super(why);
		}

	}

}
