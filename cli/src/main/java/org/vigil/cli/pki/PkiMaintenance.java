package org.vigil.cli.pki;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.vigil.cli.Failure;
import org.vigil.cli.Io;
import org.vigil.cli.Password;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.PartyCredentials;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.PkiLayout;

/**
 * The day-to-day of a dev PKI that is already in use (docs/runbook.md): {@code pki issue}
 * gives a contact point new credentials (a new Party, or a rotation), {@code pki revoke}
 * puts a certificate on the CRL, {@code pki crl} issues a fresh CRL before the current
 * one runs out. The CRL file is replaced in one atomic move, so a gateway that re-reads
 * it never sees half of it.
 */
public final class PkiMaintenance {

	/** Which of a contact point's certificates to revoke. */
	public enum Use {

		SIGNING, TLS_CLIENT, BOTH

	}

	private final Clock clock;

	private final PrintStream out;

	public PkiMaintenance(Clock clock, PrintStream out) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.out = Objects.requireNonNull(out, "out");
	}

	/**
	 * Issues new signing and TLS client credentials to a contact point, replacing its
	 * files; the old certificates stay valid until revoked, so that a rotation can
	 * register the new ones in the directory first.
	 */
	public PartyCredentials issue(Path root, Password password, CountryCode country) {
		DevPki pki = load(root, password);
		PkiLayout layout = new PkiLayout(root);
		PartyCredentials before = pki.parties().contains(country) ? pki.party(country) : null;
		PartyCredentials issued = pki.issueParty(country);
		try {
			Files.createDirectories(layout.party(country));
			replace(layout.partySigning(country),
					(file) -> issued.signing().writePkcs12(file, PkiLayout.SIGNING_ALIAS, password.value()));
			replace(layout.partyTlsClient(country),
					(file) -> issued.tlsClient().writePkcs12(file, PkiLayout.TLS_CLIENT_ALIAS, password.value()));
		}
		catch (IOException ex) {
			throw new Failure("cannot write the credentials of " + country + ": " + Io.describe(ex), ex);
		}
		this.out.println("Issued new credentials to " + country + " in " + layout.party(country) + ".");
		if (before != null) {
			this.out.println("The previous certificates stay valid until revoked:");
			this.out.println("  signing     serial " + serial(before.signing()));
			this.out.println("  tls-client  serial " + serial(before.tlsClient()));
			this.out.println("Register the new ones in the directory, then: vigil pki revoke --pki " + root
					+ " --serial <serial>");
		}
		this.out.println("The directory entry's \"certificates\" for " + country + ":");
		this.out.println("[" + entry("SIGNING", issued.signing().certificate()) + ",");
		this.out.println(" " + entry("TLS_CLIENT", issued.tlsClient().certificate()) + "]");
		return issued;
	}

	/**
	 * Revokes a contact point's current certificates, or one serial number, and writes
	 * the new CRL.
	 * @param country whose current certificates to revoke; null with a serial
	 * @param serial the serial number to revoke (hex); null with a country
	 */
	public List<BigInteger> revoke(Path root, Password password, CountryCode country, Use use, String serial) {
		DevPki pki = load(root, password);
		List<BigInteger> serials = new ArrayList<>();
		if (serial != null) {
			try {
				serials.add(new BigInteger(serial.replace(":", ""), 16));
			}
			catch (NumberFormatException ex) {
				throw new Failure("--serial " + serial + " is not a hexadecimal serial number", ex);
			}
		}
		else {
			if (!pki.parties().contains(country)) {
				throw new Failure(root + " holds no credentials of " + country);
			}
			PartyCredentials party = pki.party(country);
			if (use != Use.TLS_CLIENT) {
				serials.add(party.signing().certificate().getSerialNumber());
			}
			if (use != Use.SIGNING) {
				serials.add(party.tlsClient().certificate().getSerialNumber());
			}
		}
		for (BigInteger revoked : serials) {
			pki.revoke(revoked);
		}
		writeCrl(root, pki);
		for (BigInteger revoked : serials) {
			this.out.println(
					"Revoked serial " + revoked.toString(16) + ((country != null) ? " (" + country + ")" : "") + ".");
		}
		this.out.println("Wrote " + new PkiLayout(root).crl() + " (" + pki.revoked().size()
				+ " revocations, next update " + pki.crl().getNextUpdate().toInstant()
				+ "); the gateway refuses those certificates from its next request.");
		return serials;
	}

	/** Issues a fresh CRL with the same revocations, valid from now. */
	public void crl(Path root, Password password) {
		DevPki pki = load(root, password);
		pki.issueCrl();
		writeCrl(root, pki);
		this.out.println("Wrote " + new PkiLayout(root).crl() + " (" + pki.revoked().size()
				+ " revocations, next update " + pki.crl().getNextUpdate().toInstant() + ").");
	}

	private DevPki load(Path root, Password password) {
		try {
			return DevPki.load(root, password.value(), this.clock);
		}
		catch (IOException ex) {
			throw new Failure("cannot load the PKI in " + root + ": " + Io.describe(ex), ex);
		}
	}

	private static void writeCrl(Path root, DevPki pki) {
		Path crl = new PkiLayout(root).crl();
		try {
			replace(crl, (file) -> Pem.writeCrl(file, pki.crl()));
		}
		catch (IOException ex) {
			throw new Failure("cannot write " + crl + ": " + Io.describe(ex), ex);
		}
	}

	/** Writes beside the target, then moves it over the target in one step. */
	private static void replace(Path target, Writer writer) throws IOException {
		Path temporary = target.resolveSibling(target.getFileName() + ".new");
		writer.write(temporary);
		Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String serial(Credential credential) {
		return credential.certificate().getSerialNumber().toString(16);
	}

	private static String entry(String use, X509Certificate certificate) {
		return "{\"use\": \"" + use + "\", \"sha256\": \"" + fingerprint(certificate) + "\", \"notBefore\": \""
				+ certificate.getNotBefore().toInstant() + "\", \"notAfter\": \""
				+ certificate.getNotAfter().toInstant() + "\"}";
	}

	private static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (CertificateEncodingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("cannot fingerprint a certificate", ex);
		}
	}

	@FunctionalInterface
	private interface Writer {

		void write(Path file) throws IOException;

	}

}
