package org.vigil.protocol.request;

import java.util.Arrays;
import java.util.Objects;

import org.vigil.protocol.receipt.Receipt;

/**
 * The exact bytes of a request as the network accepted them: CMS SignedData over the
 * request's canonical JSON. What the receiving Party gets to verify, and what receipts
 * name by digest.
 *
 * @param cms the DER-encoded CMS SignedData
 * @param digest {@code sha-256:} and the hex SHA-256 of {@code cms}
 * @param signedByNetwork true when the network signed it with the sending contact point's
 * key on behalf of a person using the console; false when the national system signed it
 * itself
 */
public record SignedRequest(byte[] cms, String digest, boolean signedByNetwork) {

	public SignedRequest {
		Objects.requireNonNull(cms, "cms");
		cms = cms.clone();
		if (!Receipt.digestOf(cms).equals(digest)) {
			throw new IllegalArgumentException("the digest does not match the signed bytes");
		}
	}

	public static SignedRequest of(byte[] cms, boolean signedByNetwork) {
		return new SignedRequest(cms, Receipt.digestOf(cms), signedByNetwork);
	}

	@Override
	public byte[] cms() {
		return this.cms.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedRequest that && Arrays.equals(this.cms, that.cms)
				&& this.signedByNetwork == that.signedByNetwork;
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(this.cms), this.signedByNetwork);
	}

	@Override
	public String toString() {
		return "SignedRequest[" + this.digest + ", " + this.cms.length + " bytes"
				+ (this.signedByNetwork ? ", signed by the network on behalf of the sender" : "") + "]";
	}

}
