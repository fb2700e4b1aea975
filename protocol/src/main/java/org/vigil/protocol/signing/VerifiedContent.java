package org.vigil.protocol.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import org.vigil.protocol.pki.PartyIdentity;

/**
 * What a verified CMS document says, and who said it.
 *
 * <p>
 * The signer is whoever the certificate names; whether that party may send this document
 * (e.g. that a request from FR is signed by FR) is for the caller to decide.
 *
 * @param content the exact encapsulated bytes, never interpreted
 * @param signerCertificate the certificate of the signer
 * @param signer the party the signer certificate names
 * @param signingTime the signing-time attribute: the signer's claim, not a timestamp
 * @param contentSha256 SHA-256 of the content, lower-case hex
 */
public record VerifiedContent(byte[] content, X509Certificate signerCertificate, PartyIdentity signer,
		Instant signingTime, String contentSha256) {

	public VerifiedContent {
		content = Objects.requireNonNull(content, "content").clone();
		Objects.requireNonNull(signerCertificate, "signerCertificate");
		Objects.requireNonNull(signer, "signer");
		Objects.requireNonNull(signingTime, "signingTime");
		Objects.requireNonNull(contentSha256, "contentSha256");
	}

	/** A copy of the content. */
	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VerifiedContent that && Arrays.equals(this.content, that.content)
				&& this.signerCertificate.equals(that.signerCertificate) && this.signer.equals(that.signer)
				&& this.signingTime.equals(that.signingTime) && this.contentSha256.equals(that.contentSha256);
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(this.content), this.signerCertificate, this.signer, this.signingTime,
				this.contentSha256);
	}

	@Override
	public String toString() {
		return "VerifiedContent[" + this.content.length + " bytes, sha256=" + this.contentSha256 + ", signer="
				+ this.signer + ", signingTime=" + this.signingTime + "]";
	}

}
