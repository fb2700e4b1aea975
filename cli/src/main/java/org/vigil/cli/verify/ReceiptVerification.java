package org.vigil.cli.verify;

import java.io.PrintStream;
import java.util.Objects;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.vigil.cli.Failure;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.receipt.Receipt;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.SignatureRejected;
import org.vigil.protocol.signing.VerifiedContent;

/**
 * {@code vigil verify receipt.p7s --request request.p7s}: a receipt of the network for a
 * request, checked offline with the CA certificate and CRL alone.
 *
 * <p>
 * In order, the first failure deciding: the receipt's CMS ({@link CmsVerifier}); its
 * signer is the network; its content is canonical JSON (RFC 8785) of a {@link Receipt};
 * the receipt's request digest is {@link Receipt#digestOf} of the exact bytes of the
 * request file; and the request id and the Parties the receipt names are those of the
 * request it holds. The request's own signature is not checked here ({@code vigil verify
 * request.p7s} does): the digest binds the receipt to those bytes, whatever became of the
 * sender's certificate since.
 */
public final class ReceiptVerification {

	private final TrustMaterial trust;

	private final CmsVerifier verifier;

	public ReceiptVerification(TrustMaterial trust) {
		this.trust = Objects.requireNonNull(trust, "trust");
		this.verifier = trust.verifier();
	}

	/**
	 * A verified receipt.
	 *
	 * @param cms what the verifier vouches for
	 * @param receipt what the network states
	 */
	public record VerifiedReceipt(VerifiedContent cms, Receipt receipt) {
	}

	/**
	 * @param receiptCms the receipt, DER-encoded CMS SignedData
	 * @param receiptName how to call the receipt in messages
	 * @param requestCms the exact bytes of the signed request
	 * @param requestName how to call the request in messages
	 * @throws Failure with the first check that failed
	 */
	public VerifiedReceipt verify(byte[] receiptCms, String receiptName, byte[] requestCms, String requestName) {
		VerifiedContent cms;
		try {
			cms = this.verifier.verify(receiptCms);
		}
		catch (SignatureRejected ex) {
			throw new Failure(this.trust.explain(receiptName, ex), ex);
		}
		if (!cms.signer().isNetwork()) {
			throw new Failure(receiptName + " is signed by " + cms.signer() + ", not by the network ("
					+ org.vigil.protocol.pki.PartyIdentity.network().uri() + ")");
		}
		byte[] content = cms.content();
		if (!CanonicalJson.isCanonical(content)) {
			throw new Failure(
					receiptName + " is signed by the network but its content is not canonical JSON (RFC 8785)");
		}
		Receipt receipt;
		try {
			receipt = WireJson.read(content, Receipt.class);
		}
		catch (UnreadableRecord ex) {
			throw new Failure(receiptName + " is signed by the network but holds no valid receipt: " + ex.getMessage(),
					ex);
		}
		String requestDigest = Receipt.digestOf(requestCms);
		if (!receipt.requestDigest().equals(requestDigest)) {
			throw new Failure("receipt names request digest " + receipt.requestDigest() + " but " + requestName + " is "
					+ requestDigest);
		}
		PreservationRequest request = requestIn(requestCms, requestName);
		if (!receipt.requestId().equals(request.id())) {
			throw new Failure("receipt names request " + receipt.requestId() + " but " + requestName + " is request "
					+ request.id());
		}
		if (!receipt.from().equals(request.from()) || !receipt.to().equals(request.to())) {
			throw new Failure("receipt names " + receipt.from() + " → " + receipt.to() + " but " + requestName + " is "
					+ request.from() + " → " + request.to());
		}
		return new VerifiedReceipt(cms, receipt);
	}

	/** The request a signed request holds, read without verifying its signature. */
	private static PreservationRequest requestIn(byte[] requestCms, String requestName) {
		byte[] content;
		try {
			Object signed = new CMSSignedData(requestCms).getSignedContent().getContent();
			if (!(signed instanceof byte[] bytes)) {
				throw new Failure(requestName + " holds no encapsulated content");
			}
			content = bytes;
		}
		catch (CMSException | RuntimeException ex) {
			if (ex instanceof Failure failure) {
				throw failure;
			}
			throw new Failure(requestName + " is not CMS SignedData: " + ex.getMessage(), ex);
		}
		try {
			return WireJson.read(content, PreservationRequest.class);
		}
		catch (UnreadableRecord ex) {
			throw new Failure(requestName + " holds no valid preservation request: " + ex.getMessage(), ex);
		}
	}

	/** Prints what was verified. */
	public static void print(VerifiedReceipt verified, String receiptName, String requestName, PrintStream out) {
		Receipt receipt = verified.receipt();
		out.println("OK: " + receiptName + " is a valid receipt of the network for " + requestName);
		out.println("kind:         " + receipt.kind());
		out.println("request:      " + receipt.requestId());
		out.println("digest:       " + receipt.requestDigest() + " (matches " + requestName + ")");
		out.println("from → to:    " + receipt.from() + " → " + receipt.to());
		out.println("at:           " + receipt.at());
		out.println("actor:        " + receipt.actor());
		out.println("statement:    " + receipt.statement());
		if (receipt.auditEntry() != null) {
			out.println("audit entry:  " + receipt.auditEntry()
					+ " (prove it: vigil audit prove --export export.jsonl --entry " + receipt.auditEntry()
					+ " --log-key log.pub)");
		}
		out.println("signed by:    " + verified.cms().signer().uri() + " ("
				+ verified.cms().signerCertificate().getSubjectX500Principal() + ")");
		out.println("signing time: " + verified.cms().signingTime() + " (the network's claim)");
	}

}
