package org.vigil.cli.sign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.vigil.cli.Failure;
import org.vigil.cli.Io;
import org.vigil.cli.Password;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.canonical.NotCanonicalizable;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.pki.UnknownPartyException;
import org.vigil.protocol.pki.VigilOids;
import org.vigil.protocol.receipt.Receipt;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsSigner;

/**
 * {@code vigil sign}: canonicalizes a JSON document (RFC 8785) and signs it as CMS
 * SignedData with a document-signing key of the network's PKI.
 *
 * <p>
 * Any JSON with a canonical form is signed, so that deliberately odd documents can be
 * made for tests; a warning goes to stderr when the document is not a valid
 * {@link PreservationRequest} or not from the key's contact point, since the network and
 * {@code vigil verify} refuse such requests.
 */
public final class RequestSigning {

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	public RequestSigning(Clock clock, PrintStream out, PrintStream err) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.out = Objects.requireNonNull(out, "out");
		this.err = Objects.requireNonNull(err, "err");
	}

	/**
	 * What was signed.
	 *
	 * @param canonical the canonical JSON, as signed
	 * @param cms the DER-encoded CMS SignedData
	 * @param signer who the key's certificate names
	 */
	public record Signed(byte[] canonical, byte[] cms, PartyIdentity signer) {

		/** The digest a receipt for this request names. */
		public String digest() {
			return Receipt.digestOf(this.cms);
		}

	}

	/**
	 * Reads the key and the JSON, signs, writes the CMS document and says what it did.
	 * @throws Failure if a file cannot be read or written, the key cannot be opened or is
	 * not a document-signing key, or the JSON has no canonical form
	 */
	public Signed run(Path keyFile, Password password, Path in, Path outFile) {
		Credential key;
		try {
			key = Credential.readPkcs12(keyFile, password.value());
		}
		catch (IOException ex) {
			throw new Failure("cannot open the key " + keyFile + " with " + password.source() + ": " + Io.describe(ex),
					ex);
		}
		byte[] json = Io.read(in);
		Signed signed;
		try {
			signed = sign(key, json);
		}
		catch (NotCanonicalizable ex) {
			throw new Failure(in + " has no canonical JSON form (RFC 8785): " + ex.getMessage(), ex);
		}
		Io.write(outFile, signed.cms());
		warnIfNotARequestOf(signed);
		this.out.println("Signed " + in + " as " + signed.signer() + " (" + signed.canonical().length
				+ " bytes of canonical JSON) into " + outFile + " (" + signed.cms().length + " bytes, CMS SignedData)");
		this.out.println("digest: " + signed.digest());
		return signed;
	}

	/**
	 * Canonicalizes and signs.
	 * @throws NotCanonicalizable if the JSON has no canonical form
	 * @throws Failure if the key is not a document-signing key of a Vigil party
	 */
	public Signed sign(Credential key, byte[] json) {
		X509Certificate certificate = key.certificate();
		requireDocumentSigning(certificate);
		PartyIdentity signer;
		try {
			signer = PartyIdentity.of(certificate);
		}
		catch (UnknownPartyException ex) {
			throw new Failure("the key's certificate names no Vigil party: " + ex.getMessage(), ex);
		}
		byte[] canonical = CanonicalJson.canonicalize(json);
		byte[] cms;
		try {
			cms = new CmsSigner(key, this.clock).sign(canonical);
		}
		catch (IllegalArgumentException ex) {
			throw new Failure("cannot sign with this key: " + ex.getMessage(), ex);
		}
		return new Signed(canonical, cms, signer);
	}

	private static void requireDocumentSigning(X509Certificate certificate) {
		List<String> purposes;
		try {
			purposes = certificate.getExtendedKeyUsage();
		}
		catch (CertificateParsingException ex) {
			throw new Failure("the key's certificate has an unreadable extended key usage", ex);
		}
		if (purposes == null || !purposes.contains(VigilOids.KP_DOCUMENT_SIGNING)) {
			throw new Failure("the key is not a document-signing key (" + certificate.getSubjectX500Principal()
					+ "); sign with a signing.p12");
		}
	}

	private void warnIfNotARequestOf(Signed signed) {
		PreservationRequest request;
		try {
			request = WireJson.read(signed.canonical(), PreservationRequest.class);
		}
		catch (UnreadableRecord ex) {
			this.err.println("vigil: warning: the document is not a valid preservation request, so the network"
					+ " will refuse it: " + oneLine(ex.getMessage()));
			return;
		}
		if (signed.signer().country().isPresent() && !signed.signer().country().get().equals(request.from())) {
			this.err.println("vigil: warning: the request is from " + request.from() + " but signed by "
					+ signed.signer() + ", so the network will refuse it");
		}
	}

	private static String oneLine(String text) {
		return (text != null) ? text.replaceAll("\\s*\\R\\s*", " ").strip() : "";
	}

}
