package org.vigil.cli.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.Password;
import org.vigil.cli.TestRequests;
import org.vigil.cli.Vigil;
import org.vigil.cli.VigilRunner;
import org.vigil.cli.VigilRunner.Result;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.PkiLayout;
import org.vigil.protocol.receipt.Receipt;
import org.vigil.protocol.receipt.ReceiptKind;
import org.vigil.protocol.signing.CmsSigner;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptVerificationTest {

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode DE = CountryCode.of("DE");

	static final Instant ACCEPTED_AT = Instant.parse("2026-11-22T03:00:01Z");

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	PkiLayout pki;

	Credential network;

	Path request;

	byte[] requestBytes;

	@BeforeEach
	void signedRequest() throws Exception {
		this.pki = new PkiLayout(this.dir.resolve("pki"));
		assertThat(this.vigil.run("pki", "init", "--out", this.pki.root().toString(), "--parties", "FR,DE").status())
			.isZero();
		this.network = Credential.readPkcs12(this.pki.networkSigning(), Password.DEV_DEFAULT.toCharArray());
		this.request = this.dir.resolve("request.p7s");
		this.requestBytes = signRequest("FR-2026-000123", this.request);
	}

	@Test
	void aReceiptOfTheNetworkVerifiesAgainstItsRequest() throws Exception {
		Path receipt = write("receipt.p7s", this.network, accepted("FR-2026-000123", this.requestBytes));

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("OK: " + receipt + " is a valid receipt of the network for " + this.request)
			.contains("kind:         ACCEPTED")
			.contains("request:      FR-2026-000123")
			.contains("digest:       " + Receipt.digestOf(this.requestBytes))
			.contains("from → to:    FR → DE")
			.contains("at:           2026-11-22T03:00:01Z")
			.contains("actor:        network")
			.contains("statement:    The network accepted request FR-2026-000123 from FR for DE")
			.contains("audit entry:  submit:FR-2026-000123")
			.contains("signed by:    urn:vigil:network");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void aReceiptForAnotherRequestFails() throws Exception {
		Path otherRequest = this.dir.resolve("other-request.p7s");
		byte[] otherBytes = signRequest("FR-2026-000999", otherRequest);
		Path receipt = write("receipt.p7s", this.network, accepted("FR-2026-000999", otherBytes));

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).isEqualTo("vigil: receipt names request digest " + Receipt.digestOf(otherBytes)
				+ " but " + this.request + " is " + Receipt.digestOf(this.requestBytes) + "\n");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void aReceiptWhoseDigestMatchesButNamesAnotherRequestIdFails() throws Exception {
		Path receipt = write("receipt.p7s", this.network, accepted("FR-2026-000999", this.requestBytes));

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).isEqualTo(
				"vigil: receipt names request FR-2026-000999 but " + this.request + " is request FR-2026-000123\n");
	}

	@Test
	void aReceiptSignedByAPartyFails() throws Exception {
		Credential fr = Credential.readPkcs12(this.pki.partySigning(FR), Password.DEV_DEFAULT.toCharArray());
		Path receipt = write("receipt.p7s", fr, accepted("FR-2026-000123", this.requestBytes));

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err())
			.isEqualTo("vigil: " + receipt + " is signed by FR, not by the network (urn:vigil:network)\n");
	}

	@Test
	void aTamperedReceiptFails() throws Exception {
		byte[] content = accepted("FR-2026-000123", this.requestBytes);
		byte[] cms = new CmsSigner(this.network, this.vigil.clock()).sign(content);
		int at = indexOf(cms, "network accepted".getBytes(StandardCharsets.UTF_8));
		assertThat(at).isPositive();
		cms[at] ^= 0x01;
		Path receipt = Files.write(this.dir.resolve("receipt.p7s"), cms);

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).startsWith("vigil: " + receipt + " is rejected: BAD_SIGNATURE").hasLineCount(1);
	}

	@Test
	void aReceiptWithAFlippedSignatureByteFails() throws Exception {
		byte[] cms = new CmsSigner(this.network, this.vigil.clock())
			.sign(accepted("FR-2026-000123", this.requestBytes));
		cms[cms.length - 1] ^= 0x01;
		Path receipt = Files.write(this.dir.resolve("receipt.p7s"), cms);

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).startsWith("vigil: " + receipt + " is rejected: ").hasLineCount(1);
	}

	@Test
	void aTamperedRequestFailsTheDigest() throws Exception {
		Path receipt = write("receipt.p7s", this.network, accepted("FR-2026-000123", this.requestBytes));
		byte[] tampered = this.requestBytes.clone();
		tampered[tampered.length / 2] ^= 0x01;
		Files.write(this.request, tampered);

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).startsWith("vigil: receipt names request digest " + Receipt.digestOf(this.requestBytes)
				+ " but " + this.request + " is " + Receipt.digestOf(tampered));
	}

	@Test
	void aReceiptWhoseContentIsNotCanonicalFails() throws Exception {
		byte[] canonical = accepted("FR-2026-000123", this.requestBytes);
		String text = new String(canonical, StandardCharsets.UTF_8);
		byte[] spaced = text.replaceFirst("\\{", "{ ").getBytes(StandardCharsets.UTF_8);
		Path receipt = write("receipt.p7s", this.network, spaced);

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).isEqualTo(
				"vigil: " + receipt + " is signed by the network but its content is not canonical JSON (RFC 8785)\n");
	}

	@Test
	void aNetworkDocumentThatIsNoReceiptFails() throws Exception {
		Path receipt = write("receipt.p7s", this.network, "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));

		Result result = verify(receipt, this.request);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err())
			.startsWith("vigil: " + receipt + " is signed by the network but holds no valid receipt")
			.hasLineCount(1);
	}

	private Result verify(Path receipt, Path request) {
		return this.vigil.run("verify", receipt.toString(), "--request", request.toString(), "--ca",
				this.pki.caCertificate().toString(), "--crl", this.pki.crl().toString());
	}

	private byte[] signRequest(String id, Path out) throws Exception {
		Path json = Files.write(this.dir.resolve(id + ".json"), TestRequests.fromFrToDe(id));
		Result sign = this.vigil.run("sign", "--key", this.pki.partySigning(FR).toString(), "--in", json.toString(),
				"--out", out.toString());
		assertThat(sign.status()).as(sign.toString()).isZero();
		return Files.readAllBytes(out);
	}

	/** The canonical JSON of an ACCEPTED receipt, as the network makes it. */
	private static byte[] accepted(String requestId, byte[] signedRequest) {
		Receipt receipt = new Receipt(ReceiptKind.ACCEPTED, RequestId.of(requestId), Receipt.digestOf(signedRequest),
				FR, DE, ACCEPTED_AT, "network", "The network accepted request " + requestId + " from FR for DE",
				"submit:" + requestId);
		return CanonicalJson.canonicalize(WireJson.write(receipt));
	}

	private Path write(String name, Credential signer, byte[] content) throws Exception {
		return Files.write(this.dir.resolve(name), new CmsSigner(signer, this.vigil.clock()).sign(content));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
