package org.vigil.protocol.fuzz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.SignatureRejected;
import org.vigil.protocol.signing.SignatureRejected.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reproductions of a bug the fuzzer found, now fixed: {@link CmsVerifier#verify} accepted
 * a valid envelope whose unsigned fields were changed (see {@link UnsignedFields}), so
 * one signed request had many accepted encodings, some of them not well-formed CMS.
 * Content, signer and signing time stay those of the original; what differs is the
 * envelope's bytes (and any hash of them). Every such change must now be
 * {@link Reason#MALFORMED}.
 */
class EnvelopeMalleabilityTest {

	@Test
	void aSignedDataVersionOtherThanOneIsMalformed() {
		refused((signedData) -> signedData.children.set(0, integer(0x03)));
		refused((signedData) -> signedData.children.set(0, integer(0x2e, 0x3b)));
	}

	@Test
	void digestAlgorithmsOtherThanTheSignersAreMalformed() {
		// Empty; MD5 (1.2.840.113549.2.5); not an AlgorithmIdentifier at all.
		refused((signedData) -> signedData.children.get(1).children.clear());
		refused((signedData) -> signedData.children.get(1).children.set(0, new Der.Node(0x30,
				new ArrayList<>(List.of(new Der.Node(0x06, HexFormat.of().parseHex("2a864886f70d0205")))))));
		refused((signedData) -> signedData.children.get(1).children.set(0, integer(0x05)));
	}

	@Test
	void aSignerInfoVersionOtherThanOneIsMalformed() {
		refused((signedData) -> signerInfo(signedData).children.set(0, integer(0x03)));
	}

	@Test
	void aSignerIdentifierWithAnExtraElementIsMalformed() {
		refused((signedData) -> {
			Der.Node sid = signerInfo(signedData).children.get(1);
			sid.children.add(sid.children.get(1).copy());
		});
	}

	@Test
	void variantIssuerNameEncodingsInTheSignerIdentifierAreMalformed() {
		refused((signedData) -> {
			Der.Node issuer = signerInfo(signedData).children.get(1).children.get(0);
			List<Der.Node> nodes = new ArrayList<>();
			issuer.collect(nodes);
			Der.Node string = nodes.stream()
				.filter((node) -> node.tag == 0x13 || node.tag == 0x0C)
				.findFirst()
				.orElseThrow();
			string.tag = (string.tag == 0x13) ? 0x0C : 0x13;
		});
	}

	@Test
	void signedAttributesUnderAnotherTagAreMalformed() {
		refused((signedData) -> signerInfo(signedData).children.get(3).tag = 0xA1);
	}

	@Test
	void unsignedAttributesAreMalformed() {
		refused((signedData) -> signerInfo(signedData).children.add(new Der.Node(0xA1,
				new ArrayList<>(List.of(signerInfo(signedData).children.get(3).children.get(0).copy())))));
	}

	@Test
	void junkInTheCertificatesIsMalformed() {
		refused((signedData) -> signedData.children.get(3).children.add(0, integer(0x05)));
		refused((signedData) -> signedData.children.get(3).children.add(new Der.Node(0x31, new ArrayList<>())));
	}

	@Test
	void extraOrReorderedSignedDataFieldsAreMalformed() {
		// An extra SET before signerInfos; CRLs; signerInfos before the certificates.
		refused((signedData) -> signedData.children.add(signedData.children.size() - 1,
				new Der.Node(0x31, new ArrayList<>())));
		refused((signedData) -> signedData.children.add(signedData.children.size() - 1,
				new Der.Node(0xA1, new ArrayList<>())));
		refused((signedData) -> signedData.children.add(3, signedData.children.remove(4)));
	}

	@Test
	void nullParametersInTheSignerInfosAlgorithmsAreMalformed() {
		refused((signedData) -> signerInfo(signedData).children.get(2).children.add(nul()));
		refused((signedData) -> signerInfo(signedData).children.get(4).children.add(nul()));
		refused((signedData) -> {
			signerInfo(signedData).children.get(2).children.add(nul());
			signedData.children.get(1).children.get(0).children.add(nul());
		});
	}

	@Test
	void nullParametersInACertificatesOuterSignatureAlgorithmAreMalformed() {
		refused((signedData) -> {
			for (Der.Node certificate : signedData.children.get(3).children) {
				certificate.children.get(1).children.add(nul());
			}
		});
	}

	/** Each change, made to the P-256 and the Ed25519 envelope, must be MALFORMED. */
	private static void refused(Consumer<Der.Node> change) {
		for (byte[] original : List.of(Envelopes.P256, Envelopes.ED25519)) {
			Der.Node root = Der.read(original);
			change.accept(root.children.get(1).children.get(0));
			byte[] changed = Der.write(root);
			assertThat(changed).isNotEqualTo(original);
			assertThatThrownBy(() -> Envelopes.VERIFIER.verify(changed))
				.as("accepted: %s", HexFormat.of().formatHex(changed))
				.isInstanceOfSatisfying(SignatureRejected.class,
						(rejection) -> assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED));
		}
	}

	private static Der.Node signerInfo(Der.Node signedData) {
		return signedData.children.get(signedData.children.size() - 1).children.get(0);
	}

	private static Der.Node nul() {
		return new Der.Node(0x05, new byte[0]);
	}

	private static Der.Node integer(int... bytes) {
		byte[] content = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			content[i] = (byte) bytes[i];
		}
		return new Der.Node(0x02, content);
	}

}
