package org.vigil.gateway.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.PkiLayout;
import org.vigil.protocol.signing.CmsSigner;
import org.vigil.protocol.signing.CmsVerifier;

/**
 * The network PKI as the gateway uses it: the CA every signature must chain to, the
 * current CRL (read again whenever its file changes, so a revocation takes effect without
 * a restart), the network's own signing key for receipts, and — in the demo, where the
 * network holds them — the contact points' signing keys, to sign what people submit in
 * the console on their contact point's behalf.
 */
public class NetworkTrust {

	private final PkiLayout layout;

	private final char[] password;

	private final Clock clock;

	private final X509Certificate ca;

	private final CmsVerifier verifier;

	private final CmsSigner network;

	private final Map<CountryCode, Optional<CmsSigner>> parties = new ConcurrentHashMap<>();

	private final AtomicReference<LoadedCrl> crl = new AtomicReference<>();

	public NetworkTrust(Path pkiDir, char[] password, Clock clock, int maxInputBytes) {
		this.layout = new PkiLayout(pkiDir);
		this.password = password.clone();
		this.clock = clock;
		try {
			this.ca = Pem.readCertificate(this.layout.caCertificate());
			this.verifier = CmsVerifier.builder()
				.trustAnchor(this.ca)
				.crl(this::currentCrl)
				.clock(clock)
				.maxInputBytes(maxInputBytes)
				.build();
			this.network = new CmsSigner(Credential.readPkcs12(this.layout.networkSigning(), this.password), clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the network PKI in " + pkiDir, ex);
		}
	}

	public CmsVerifier verifier() {
		return this.verifier;
	}

	/** Signs receipts and everything else the network vouches for. */
	public CmsSigner network() {
		return this.network;
	}

	/** The key the network signs with on a contact point's behalf, if it holds one. */
	public Optional<CmsSigner> onBehalfOf(CountryCode country) {
		return this.parties.computeIfAbsent(country, (party) -> {
			Path keyStore = this.layout.partySigning(party);
			if (!Files.isRegularFile(keyStore)) {
				return Optional.empty();
			}
			try {
				return Optional.of(new CmsSigner(Credential.readPkcs12(keyStore, this.password), this.clock));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + keyStore, ex);
			}
		});
	}

	/** The network CA: the one trust anchor of signatures and TLS client certificates. */
	public X509Certificate caCertificate() {
		return this.ca;
	}

	/**
	 * The CRL as its file holds it now (read again whenever the file changes); empty if
	 * it cannot be read. Whether it is authentic and current is for the caller to check.
	 */
	public Optional<X509CRL> crl() {
		return Optional.ofNullable(currentCrl());
	}

	private X509CRL currentCrl() {
		Path file = this.layout.crl();
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			LoadedCrl loaded = this.crl.get();
			if (loaded == null || !loaded.modified().equals(modified)) {
				loaded = new LoadedCrl(Pem.readCrl(file), modified);
				this.crl.set(loaded);
			}
			return loaded.crl();
		}
		catch (IOException ex) {
			// No CRL, no acceptance: the verifier treats a missing CRL as revocation
			// unknown.
			return null;
		}
	}

	private record LoadedCrl(X509CRL crl, FileTime modified) {
	}

}
