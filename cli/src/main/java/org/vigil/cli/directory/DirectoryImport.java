package org.vigil.cli.directory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

import org.vigil.cli.Failure;
import org.vigil.cli.Io;
import org.vigil.cli.verify.TrustMaterial;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.directory.DirectoryExport;
import org.vigil.protocol.directory.DirectoryExportVerifier;
import org.vigil.protocol.directory.ExportRejected;
import org.vigil.protocol.signing.SignatureRejected;

/**
 * {@code vigil directory verify export.p7s} and {@code vigil directory import export.p7s
 * --out directory.json}: the network's signed export of the directory, checked offline
 * with the CA certificate and CRL alone ({@link DirectoryExportVerifier}: the CMS by the
 * strict rules, signed by the network, canonical content of the export format), and, for
 * an import, written out as a seed directory file that a deployment loads with
 * {@code vigil.directory.seed}. Nothing is written unless the export verifies.
 */
public final class DirectoryImport {

	private final TrustMaterial trust;

	private final DirectoryExportVerifier verifier;

	public DirectoryImport(TrustMaterial trust) {
		this.trust = Objects.requireNonNull(trust, "trust");
		this.verifier = new DirectoryExportVerifier(trust.verifier());
	}

	/**
	 * @param cms the export, DER-encoded CMS SignedData
	 * @param name how to call it in messages
	 * @throws Failure with the first check that failed
	 */
	public DirectoryExportVerifier.Verified verify(byte[] cms, String name) {
		try {
			return this.verifier.verify(cms);
		}
		catch (SignatureRejected ex) {
			throw new Failure(this.trust.explain(name, ex), ex);
		}
		catch (ExportRejected ex) {
			throw new Failure(name + " is rejected: " + ex.reason() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Verifies, then writes the directory as a seed file.
	 * @param force whether an existing file may be replaced
	 * @throws Failure if the export does not verify or the file cannot be written; the
	 * file is then left as it was
	 */
	public DirectoryExportVerifier.Verified importTo(byte[] cms, String name, Path out, boolean force) {
		DirectoryExportVerifier.Verified verified = verify(cms, name);
		if (!force && Files.exists(out)) {
			throw new Failure(out + " exists already; give --force to replace it");
		}
		Io.write(out, verified.export().seed());
		return verified;
	}

	/** Prints what was verified. */
	public static void print(DirectoryExportVerifier.Verified verified, String name, PrintStream out) {
		DirectoryExport export = verified.export();
		out.println("OK: " + name + " is a valid directory export of the network");
		out.println("exported at:  " + export.exportedAt());
		out.println("Parties:      " + export.countries().size() + " ("
				+ export.countries().stream().map(CountryCode::value).collect(Collectors.joining(", ")) + ")");
		out.println("signed by:    " + verified.cms().signer().uri() + " ("
				+ verified.cms().signerCertificate().getSubjectX500Principal() + ")");
		out.println("signing time: " + verified.cms().signingTime() + " (the network's claim)");
		out.println("sha256:       " + verified.cms().contentSha256() + " (of the signed content)");
	}

}
