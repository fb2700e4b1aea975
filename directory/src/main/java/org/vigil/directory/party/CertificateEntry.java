package org.vigil.directory.party;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A certificate the directory registers for a contact point. A signature is accepted from
 * a contact point only with a certificate registered here, so that the directory, not
 * just the certificate's own claims, says who speaks for a Party.
 *
 * @param use what it is for
 * @param sha256 the lower-case hex SHA-256 of the certificate's DER encoding
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record CertificateEntry(CertificateUse use, String sha256, Instant notBefore, Instant notAfter) {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

	public CertificateEntry {
		Objects.requireNonNull(use, "use");
		Objects.requireNonNull(notBefore, "notBefore");
		Objects.requireNonNull(notAfter, "notAfter");
		if (sha256 == null || !HEX.matcher(sha256).matches()) {
			throw new IllegalArgumentException("a certificate fingerprint is 64 lower-case hex digits");
		}
	}

	public static CertificateEntry of(CertificateUse use, X509Certificate certificate) {
		return new CertificateEntry(use, fingerprint(certificate), certificate.getNotBefore().toInstant(),
				certificate.getNotAfter().toInstant());
	}

	/** The lower-case hex SHA-256 of the certificate's DER encoding. */
	public static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalArgumentException("The certificate cannot be encoded", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
