package org.vigil.protocol.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads and writes certificates and CRLs as PEM, and parses DER, always with the JDK's
 * own X.509 factory (so that the objects handed to PKIX validation are the JDK's).
 */
public final class Pem {

	private Pem() {
	}

	public static String certificate(X509Certificate certificate) {
		try {
			return armour("CERTIFICATE", certificate.getEncoded());
		}
		catch (CertificateException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String crl(X509CRL crl) {
		try {
			return armour("X509 CRL", crl.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
		write(file, certificate(certificate));
	}

	public static void writeCrl(Path file, X509CRL crl) throws IOException {
		write(file, crl(crl));
	}

	/**
	 * Certificates one after the other, the holder's first, as TLS tools read a chain.
	 */
	public static void writeCertificates(Path file, List<X509Certificate> chain) throws IOException {
		StringBuilder text = new StringBuilder();
		chain.forEach((certificate) -> text.append(certificate(certificate)));
		write(file, text.toString());
	}

	/**
	 * A private key as unencrypted PKCS#8 ({@code PRIVATE KEY}), readable by its owner
	 * only: for tools such as curl that take a key file and no password.
	 */
	public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
		if (!"PKCS#8".equals(key.getFormat())) {
			throw new IOException("the key cannot be encoded as PKCS#8");
		}
		Path folder = file.toAbsolutePath().getParent();
		if (folder != null) {
			Files.createDirectories(folder);
		}
		Files.deleteIfExists(file);
		Files.createFile(file);
		ownerOnly(file);
		Files.writeString(file, armour("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
	}

	/** Reads one certificate, PEM or DER. */
	public static X509Certificate readCertificate(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return certificate(in);
		}
		catch (CertificateException ex) {
			throw new IOException("no certificate in " + file, ex);
		}
	}

	/** Reads one CRL, PEM or DER. */
	public static X509CRL readCrl(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return crl(in);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("no CRL in " + file, ex);
		}
	}

	/** Parses one certificate (DER or PEM) with the JDK's X.509 factory. */
	public static X509Certificate parseCertificate(byte[] encoded) throws CertificateException {
		return certificate(new ByteArrayInputStream(encoded));
	}

	/** Parses one CRL (DER or PEM) with the JDK's X.509 factory. */
	public static X509CRL parseCrl(byte[] encoded) throws GeneralSecurityException {
		return crl(new ByteArrayInputStream(encoded));
	}

	private static X509Certificate certificate(InputStream in) throws CertificateException {
		Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
		if (!(certificate instanceof X509Certificate x509)) {
			throw new CertificateException("not an X.509 certificate");
		}
		return x509;
	}

	private static X509CRL crl(InputStream in) throws GeneralSecurityException {
		CRL crl = CertificateFactory.getInstance("X.509").generateCRL(in);
		if (!(crl instanceof X509CRL x509)) {
			throw new GeneralSecurityException("not an X.509 CRL");
		}
		return x509;
	}

	private static String armour(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static void write(Path file, String text) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		if (folder != null) {
			Files.createDirectories(folder);
		}
		Files.writeString(file, text, StandardCharsets.US_ASCII);
	}

	static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file,
					EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: nothing to narrow
		}
	}

}
