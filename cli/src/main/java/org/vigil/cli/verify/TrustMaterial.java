package org.vigil.cli.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.vigil.cli.Failure;
import org.vigil.cli.Io;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.SignatureRejected;

/**
 * What a relying party verifies with: the network CA certificate and its current CRL, and
 * the instant to verify at.
 *
 * @param ca the trust anchor
 * @param crl the CA's CRL, checked to be signed by the CA
 * @param clock the instant validity and CRL freshness are judged at
 */
public record TrustMaterial(X509Certificate ca, X509CRL crl, Clock clock) {

	public TrustMaterial {
		Objects.requireNonNull(ca, "ca");
		Objects.requireNonNull(crl, "crl");
		Objects.requireNonNull(clock, "clock");
		try {
			crl.verify(ca.getPublicKey());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new Failure("the CRL is not signed by the CA " + ca.getSubjectX500Principal(), ex);
		}
	}

	/**
	 * Reads the CA certificate and the CRL (PEM or DER).
	 * @throws Failure if either cannot be read, or the CRL is not the CA's
	 */
	public static TrustMaterial read(Path caFile, Path crlFile, Clock clock) {
		X509Certificate ca;
		X509CRL crl;
		try {
			ca = Pem.readCertificate(caFile);
		}
		catch (IOException ex) {
			throw new Failure("cannot read the CA certificate " + caFile + ": " + Io.describe(ex), ex);
		}
		try {
			crl = Pem.readCrl(crlFile);
		}
		catch (IOException ex) {
			throw new Failure("cannot read the CRL " + crlFile + ": " + Io.describe(ex), ex);
		}
		try {
			return new TrustMaterial(ca, crl, clock);
		}
		catch (Failure ex) {
			throw new Failure(crlFile + " is not signed by the CA of " + caFile, ex);
		}
	}

	/** A verifier that trusts the CA, checks revocation against the CRL, at the clock. */
	public CmsVerifier verifier() {
		return CmsVerifier.builder().trustAnchor(this.ca).crl(() -> this.crl).clock(this.clock).build();
	}

	/**
	 * Why a document was rejected, in one line, with a hint when the CRL or a certificate
	 * is past its time (old documents verify with {@code --at}).
	 */
	public String explain(String document, SignatureRejected rejection) {
		String message = document + " is rejected: " + rejection.getMessage();
		Instant now = this.clock.instant();
		if (rejection.reason() == SignatureRejected.Reason.REVOCATION_UNKNOWN && this.crl.getNextUpdate() != null
				&& now.isAfter(this.crl.getNextUpdate().toInstant())) {
			message += " (the CRL's next update was " + this.crl.getNextUpdate().toInstant()
					+ ": get a current CRL, or verify as of an earlier instant with --at)";
		}
		else if (rejection.reason() == SignatureRejected.Reason.CERTIFICATE_EXPIRED) {
			message += " (to verify an old document as of when it was made, use --at)";
		}
		return message;
	}

}
