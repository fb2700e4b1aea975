package org.vigil.protocol.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain: the holder's certificate first, then its
 * issuers up to and including the root.
 *
 * @param privateKey the key
 * @param chain the certificates, the key's own first; never empty
 */
public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {

	public Credential {
		Objects.requireNonNull(privateKey, "privateKey");
		chain = List.copyOf(chain);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("a credential needs its certificate");
		}
	}

	/** The holder's own certificate. */
	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	/**
	 * Reads the one key entry of a PKCS#12 file.
	 * @throws IOException if the file cannot be read, the password is wrong, or it holds
	 * not exactly one key entry with X.509 certificates
	 */
	public static Credential readPkcs12(Path file, char[] password) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			List<String> keyAliases = new ArrayList<>();
			for (String alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					keyAliases.add(alias);
				}
			}
			if (keyAliases.size() != 1) {
				throw new IOException(file + " holds " + keyAliases.size() + " key entries, not one");
			}
			String alias = keyAliases.get(0);
			Key key = store.getKey(alias, password);
			if (!(key instanceof PrivateKey privateKey)) {
				throw new IOException(file + " holds no private key");
			}
			List<X509Certificate> chain = new ArrayList<>();
			Certificate[] certificates = store.getCertificateChain(alias);
			if (certificates == null || certificates.length == 0) {
				throw new IOException(file + " holds no certificate chain");
			}
			for (Certificate certificate : certificates) {
				if (!(certificate instanceof X509Certificate x509)) {
					throw new IOException(file + " holds a certificate that is not X.509");
				}
				chain.add(x509);
			}
			return new Credential(privateKey, chain);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("cannot read " + file, ex);
		}
	}

	/**
	 * Writes this credential as a PKCS#12 file with one key entry (the JDK's default
	 * PKCS#12 protection: PBES2 with AES-256 and HMAC-SHA-256). The file is made readable
	 * by its owner only, where the file system knows POSIX permissions.
	 */
	public void writePkcs12(Path file, String alias, char[] password) throws IOException {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(alias, this.privateKey, password, this.chain.toArray(new Certificate[0]));
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, password);
			}
			Pem.ownerOnly(file);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("cannot write " + file, ex);
		}
	}

}
