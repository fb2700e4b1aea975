package org.vigil.protocol.directory;

import java.util.Objects;

import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.SignatureRejected;
import org.vigil.protocol.signing.VerifiedContent;

/**
 * Verifies a signed directory export. In order, the first failure deciding: the CMS
 * document, by the {@link CmsVerifier}'s strict rules (signature, chain to the network
 * CA, validity, revocation, document-signing key usage); its signer is the network itself
 * ({@code urn:vigil:network}), as for receipts, since only the network vouches for the
 * whole directory; and its content is a canonical {@link DirectoryExport}.
 *
 * <p>
 * Thread-safe if the {@link CmsVerifier} is.
 */
public final class DirectoryExportVerifier {

	private final CmsVerifier verifier;

	public DirectoryExportVerifier(CmsVerifier verifier) {
		this.verifier = Objects.requireNonNull(verifier, "verifier");
	}

	/**
	 * A verified export.
	 *
	 * @param cms what the CMS verifier vouches for: signer, signing time, digest
	 * @param export what the network states
	 */
	public record Verified(VerifiedContent cms, DirectoryExport export) {

		public Verified {
			Objects.requireNonNull(cms, "cms");
			Objects.requireNonNull(export, "export");
		}

	}

	/**
	 * @param cms the export, DER-encoded CMS SignedData
	 * @throws SignatureRejected if the CMS verifier refuses it
	 * @throws ExportRejected if it verifies but is not a directory export of the network
	 */
	public Verified verify(byte[] cms) {
		VerifiedContent verified = this.verifier.verify(cms);
		if (!verified.signer().isNetwork()) {
			throw new ExportRejected(ExportRejected.Reason.NOT_SIGNED_BY_NETWORK, "the export is signed by "
					+ verified.signer() + ", not by the network (" + PartyIdentity.network().uri() + ")");
		}
		return new Verified(verified, DirectoryExport.read(verified.content()));
	}

}
