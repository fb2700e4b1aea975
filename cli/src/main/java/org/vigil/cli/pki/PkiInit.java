package org.vigil.cli.pki;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.vigil.cli.Failure;
import org.vigil.cli.Io;
import org.vigil.cli.Password;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.pki.PkiLayout;

/**
 * {@code vigil pki init}: generates the dev PKI of the network ({@link DevPki}) and
 * writes it as a {@link PkiLayout}. Refuses to replace an existing PKI unless forced;
 * when forced, removes the files of the old layout first (and only those), so that no
 * contact point keeps credentials of the old CA.
 */
public final class PkiInit {

	/** The contact points of a PKI when none are named. */
	public static final List<CountryCode> DEFAULT_PARTIES = Stream.of("FR", "DE", "NL", "US", "JP")
		.map(CountryCode::of)
		.toList();

	private static final String[] PARTY_FILES = { "signing.p12", "tls-client.p12", "tls-client.pem", "tls-client.key" };

	private final Clock clock;

	private final PrintStream out;

	public PkiInit(Clock clock, PrintStream out) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.out = Objects.requireNonNull(out, "out");
	}

	/**
	 * @param root the folder to write to; made if missing
	 * @param parties the contact points to issue credentials to
	 * @param password the password of every PKCS#12 file, asked for once the PKI is sure
	 * to be written
	 * @param force whether to replace an existing PKI
	 * @return the generated PKI
	 * @throws Failure if a PKI is there and not forced, or a file cannot be written
	 */
	public DevPki run(Path root, Collection<CountryCode> parties, Supplier<Password> passwordSource, boolean force) {
		if (Files.exists(root) && !Files.isDirectory(root)) {
			throw new Failure(root + " exists and is not a folder");
		}
		PkiLayout layout = new PkiLayout(root);
		List<Path> existing = existingFiles(layout);
		if (!existing.isEmpty() && !force) {
			throw new Failure(root + " already holds a PKI (" + root.relativize(existing.get(0)) + " and "
					+ (existing.size() - 1) + " more files); use --force to replace it");
		}
		Password password = passwordSource.get();
		List<Path> removed = remove(existing);
		DevPki pki = DevPki.generate(this.clock, parties);
		try {
			pki.write(root, password.value());
		}
		catch (IOException ex) {
			throw new Failure("cannot write the PKI to " + root + ": " + Io.describe(ex), ex);
		}
		report(layout, pki, password, removed.size());
		return pki;
	}

	/** The files of a layout that exist, including those of every party folder. */
	static List<Path> existingFiles(PkiLayout layout) {
		List<Path> files = new ArrayList<>();
		// The gateway's TLS server key (made by the standalone) goes too: it is signed by
		// the old CA.
		for (Path file : List.of(layout.caCertificate(), layout.caKeyStore(), layout.crl(), layout.networkSigning(),
				layout.gatewayTlsServer())) {
			if (Files.exists(file)) {
				files.add(file);
			}
		}
		for (Path folder : partyFolders(layout)) {
			for (String name : PARTY_FILES) {
				Path file = folder.resolve(name);
				if (Files.exists(file)) {
					files.add(file);
				}
			}
		}
		return files;
	}

	private static List<Path> partyFolders(PkiLayout layout) {
		if (!Files.isDirectory(layout.parties())) {
			return List.of();
		}
		try (Stream<Path> listing = Files.list(layout.parties())) {
			return listing.filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new Failure("cannot list " + layout.parties() + ": " + Io.describe(ex), ex);
		}
	}

	/** Deletes the files, then the party folders they leave empty. */
	private static List<Path> remove(List<Path> files) {
		try {
			for (Path file : files) {
				Files.delete(file);
			}
			for (Path file : files) {
				Path folder = file.getParent();
				if (folder != null && Files.isDirectory(folder) && isEmpty(folder) && folder.getParent() != null
						&& folder.getParent().getFileName() != null
						&& folder.getParent().getFileName().toString().equals("parties")) {
					Files.delete(folder);
				}
			}
		}
		catch (IOException ex) {
			throw new Failure("cannot remove the old PKI: " + Io.describe(ex), ex);
		}
		return files;
	}

	private static boolean isEmpty(Path folder) throws IOException {
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.findAny().isEmpty();
		}
	}

	private void report(PkiLayout layout, DevPki pki, Password password, int removed) {
		Path root = layout.root();
		if (removed > 0) {
			this.out.println("Removed the " + removed + " files of the previous PKI in " + root + ".");
		}
		this.out.println("Wrote the dev PKI of the network to " + root + ":");
		X509Certificate ca = pki.caCertificate();
		line(root, layout.caCertificate(),
				"network CA certificate, the trust anchor (valid until " + ca.getNotAfter().toInstant() + ")");
		line(root, layout.caKeyStore(), "network CA key");
		line(root, layout.crl(), "CRL, no revocations (next update " + pki.crl().getNextUpdate().toInstant() + ")");
		line(root, layout.networkSigning(), "network signing key, for receipts (" + PartyIdentity.network().uri()
				+ ", valid until " + pki.networkSigning().certificate().getNotAfter().toInstant() + ")");
		for (CountryCode country : pki.parties().stream().sorted(Comparator.comparing(CountryCode::value)).toList()) {
			line(root, layout.partySigning(country),
					country + " signing key, for requests (" + PartyIdentity.party(country).uri() + ")");
			line(root, layout.partyTlsClient(country), country + " TLS client key, for mutual TLS");
			line(root, layout.partyTlsClientCertificatePem(country),
					country + " TLS client certificate and chain, PEM (curl --cert)");
			line(root, layout.partyTlsClientKeyPem(country),
					country + " TLS client key, PEM, unencrypted (curl --key)");
		}
		this.out.println("The .p12 files (PKCS#12) are protected by " + password.source() + ".");
		this.out.println("Verification needs a current CRL: after " + pki.crl().getNextUpdate().toInstant()
				+ " verify with --at an earlier instant, or make a new PKI.");
	}

	private void line(Path root, Path file, String what) {
		this.out.printf("  %-26s %s%n", root.relativize(file), what);
	}

}
