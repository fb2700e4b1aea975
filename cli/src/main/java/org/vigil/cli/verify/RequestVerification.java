package org.vigil.cli.verify;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

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
 * {@code vigil verify request.p7s}: a signed preservation request, as the network checks
 * it. The CMS signature, chain, validity and revocation ({@link CmsVerifier}); the
 * content must be canonical JSON (RFC 8785) of a valid {@link PreservationRequest}; a
 * request signed by a contact point must be from that contact point (the network may sign
 * for anyone, on behalf of a person using its console).
 */
public final class RequestVerification {

	private final TrustMaterial trust;

	private final CmsVerifier verifier;

	public RequestVerification(TrustMaterial trust) {
		this.trust = Objects.requireNonNull(trust, "trust");
		this.verifier = trust.verifier();
	}

	/**
	 * A verified request.
	 *
	 * @param cms what the verifier vouches for
	 * @param request the request the content holds
	 * @param digest {@link Receipt#digestOf} of the signed bytes, as receipts name them
	 */
	public record VerifiedRequest(VerifiedContent cms, PreservationRequest request, String digest) {
	}

	/**
	 * @param signed the DER-encoded CMS SignedData
	 * @param name how to call the document in messages, such as its file name
	 * @throws Failure with the first check that failed
	 */
	public VerifiedRequest verify(byte[] signed, String name) {
		VerifiedContent cms;
		try {
			cms = this.verifier.verify(signed);
		}
		catch (SignatureRejected ex) {
			throw new Failure(this.trust.explain(name, ex), ex);
		}
		byte[] content = cms.content();
		if (!CanonicalJson.isCanonical(content)) {
			throw new Failure(
					name + " is signed by " + cms.signer() + " but its content is not canonical JSON (RFC 8785)");
		}
		PreservationRequest request;
		try {
			request = WireJson.read(content, PreservationRequest.class);
		}
		catch (UnreadableRecord ex) {
			throw new Failure(name + " is signed by " + cms.signer() + " but holds no valid preservation request: "
					+ ex.getMessage(), ex);
		}
		if (cms.signer().country().isPresent() && !cms.signer().country().get().equals(request.from())) {
			throw new Failure(name + " is signed by " + cms.signer() + " but the request is from " + request.from());
		}
		return new VerifiedRequest(cms, request, Receipt.digestOf(signed));
	}

	/** Prints what was verified. */
	public static void print(VerifiedRequest verified, String name, PrintStream out) {
		PreservationRequest request = verified.request();
		out.println("OK: " + name + " is a valid signed preservation request");
		out.println("signer:       " + verified.cms().signer() + " (" + verified.cms().signer().uri() + ")");
		out.println("certificate:  " + verified.cms().signerCertificate().getSubjectX500Principal() + ", serial "
				+ verified.cms().signerCertificate().getSerialNumber().toString(16));
		out.println("signing time: " + verified.cms().signingTime() + " (the signer's claim)");
		out.println("digest:       " + verified.digest());
		out.println("request:      " + request.id() + ", " + request.from() + " → " + request.to() + ", "
				+ request.urgency());
		out.println("content:");
		out.println(new String(verified.cms().content(), StandardCharsets.UTF_8));
	}

}
