package org.vigil.notifier.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * The certificates a relay's chain must end in, read from a file an operator names: PEM
 * (one or more {@code -----BEGIN CERTIFICATE-----} blocks, as a CA hands them out) or a
 * PKCS#12 or JKS key store.
 */
public final class TrustedCertificates {

	private static final String PEM_MARKER = "-----BEGIN";

	private TrustedCertificates() {
	}

	/**
	 * Reads a trust store.
	 * @param file PEM certificates, or a PKCS#12 or JKS key store
	 * @param password the key store's password; ignored for PEM, may be empty
	 * @return a key store of trusted certificates, never empty
	 * @throws IllegalArgumentException if the file cannot be read or holds no certificate
	 */
	public static KeyStore read(Path file, String password) {
		try {
			byte[] content = Files.readAllBytes(file);
			KeyStore store = isPem(content) ? fromPem(file)
					: KeyStore.getInstance(file.toFile(), password.toCharArray());
			if (store.size() == 0) {
				throw new IllegalArgumentException("no certificate in the trust store " + file);
			}
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot read the trust store " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isPem(byte[] content) {
		String start = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII);
		return start.contains(PEM_MARKER);
	}

	private static KeyStore fromPem(Path file) throws IOException, GeneralSecurityException {
		Collection<? extends Certificate> certificates;
		try (InputStream in = Files.newInputStream(file)) {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		int n = 0;
		for (Certificate certificate : certificates) {
			store.setCertificateEntry("trusted-" + n++, certificate);
		}
		return store;
	}

}
