package org.vigil.notifier.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigil.protocol.pki.DevPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The relay's trust store, as an operator hands it over. */
class TrustedCertificatesTest {

	private static final DevPki ca = DevPki.generate(Clock.systemUTC());

	@TempDir
	Path dir;

	@Test
	void readsPemCertificates() throws Exception {
		Path file = this.dir.resolve("ca.pem");
		Files.writeString(file, pem(ca.caCertificate()) + pem(DevPki.generate(Clock.systemUTC()).caCertificate()),
				StandardCharsets.US_ASCII);

		KeyStore store = TrustedCertificates.read(file, "");

		assertThat(store.size()).isEqualTo(2);
		assertThat(Collections.list(store.aliases()))
			.anySatisfy((alias) -> assertThat(getCertificate(store, alias)).isEqualTo(ca.caCertificate()));
	}

	@Test
	void readsAPkcs12KeyStore() throws Exception {
		KeyStore written = KeyStore.getInstance("PKCS12");
		written.load(null, null);
		written.setCertificateEntry("relay-ca", ca.caCertificate());
		Path file = this.dir.resolve("ca.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			written.store(out, "changeit".toCharArray());
		}

		KeyStore store = TrustedCertificates.read(file, "changeit");

		assertThat(store.getCertificate("relay-ca")).isEqualTo(ca.caCertificate());
	}

	@Test
	void refusesAFileWithoutCertificates() throws IOException {
		Path empty = Files.writeString(this.dir.resolve("empty.pem"), "-----BEGIN nothing\n");
		Path missing = this.dir.resolve("missing.pem");

		assertThatIllegalArgumentException().isThrownBy(() -> TrustedCertificates.read(empty, ""))
			.withMessageContaining("empty.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedCertificates.read(missing, ""))
			.withMessageContaining("missing.pem");
	}

	private static X509Certificate getCertificate(KeyStore store, String alias) {
		try {
			return (X509Certificate) store.getCertificate(alias);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String pem(X509Certificate certificate) throws GeneralSecurityException {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
	}

}
