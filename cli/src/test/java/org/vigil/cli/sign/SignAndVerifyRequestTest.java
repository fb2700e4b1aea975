package org.vigil.cli.sign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.TestRequests;
import org.vigil.cli.Vigil;
import org.vigil.cli.VigilRunner;
import org.vigil.cli.VigilRunner.Result;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.receipt.Receipt;

import static org.assertj.core.api.Assertions.assertThat;

class SignAndVerifyRequestTest {

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	Path pki;

	Path json;

	@BeforeEach
	void pki() throws Exception {
		this.pki = this.dir.resolve("pki");
		Result init = this.vigil.run("pki", "init", "--out", this.pki.toString(), "--parties", "FR,DE");
		assertThat(init.status()).as(init.toString()).isZero();
		this.json = Files.write(this.dir.resolve("request.json"), TestRequests.fromFrToDe("FR-2026-000123"));
	}

	@Test
	void signThenVerifyRoundTrips() throws Exception {
		Path signed = this.dir.resolve("request.p7s");

		Result sign = sign("FR", this.json, signed);

		assertThat(sign.status()).as(sign.toString()).isEqualTo(Vigil.OK);
		assertThat(sign.out()).contains("as FR").contains("digest: " + Receipt.digestOf(Files.readAllBytes(signed)));

		Result verify = this.vigil.run("verify", signed.toString(), "--ca", this.pki.resolve("ca.pem").toString(),
				"--crl", this.pki.resolve("crl.pem").toString());

		assertThat(verify.status()).as(verify.toString()).isEqualTo(Vigil.OK);
		String canonical = new String(CanonicalJson.canonicalize(Files.readAllBytes(this.json)),
				StandardCharsets.UTF_8);
		assertThat(verify.out()).contains("signer:       FR (urn:vigil:party:FR)")
			.contains("signing time: " + VigilRunner.NOW)
			.contains("digest:       " + Receipt.digestOf(Files.readAllBytes(signed)))
			.contains("request:      FR-2026-000123, FR → DE, URGENT")
			.contains(canonical)
			.contains("code pénal");
		assertThat(verify.err()).isEmpty();
	}

	@Test
	void theSignedContentIsTheCanonicalForm() throws Exception {
		Path signed = this.dir.resolve("request.p7s");
		assertThat(sign("FR", this.json, signed).status()).isZero();

		Result verify = this.vigil.run("verify", signed.toString(), "--pki", this.pki.toString());

		assertThat(verify.status()).as(verify.toString()).isZero();
		assertThat(verify.out()).contains("\n{\"createdAt\":\"2026-11-22T02:55:00Z\",\"custodian\":");
	}

	@Test
	void refusesJsonWithDuplicateKeys() throws Exception {
		Path duplicate = Files.writeString(this.dir.resolve("dup.json"), "{\"id\":\"FR-2026-000123\",\"id\":\"x\"}");
		Path signed = this.dir.resolve("dup.p7s");

		Result result = sign("FR", duplicate, signed);

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(lastLine(result.err())).isEqualTo("vigil: " + duplicate
				+ " has no canonical JSON form (RFC 8785): duplicate member name \"id\" at byte 23");
		assertThat(signed).doesNotExist();
	}

	@Test
	void refusesAWrongPassword() throws Exception {
		Path passwordFile = Files.writeString(this.dir.resolve("password"), "not the password\n");

		Result result = this.vigil.run("sign", "--key", this.pki.resolve("parties/FR/signing.p12").toString(),
				"--password-file", passwordFile.toString(), "--in", this.json.toString(), "--out",
				this.dir.resolve("request.p7s").toString());

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).startsWith("vigil: cannot open the key ")
			.contains("with the password file " + passwordFile)
			.hasLineCount(1);
	}

	@Test
	void refusesATlsClientKey() throws Exception {
		Result result = this.vigil.run("sign", "--key", this.pki.resolve("parties/FR/tls-client.p12").toString(),
				"--in", this.json.toString(), "--out", this.dir.resolve("request.p7s").toString());

		assertThat(result.status()).as(result.toString()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains("vigil: the key is not a document-signing key");
	}

	@Test
	void aRequestSignedByAnotherPartyDoesNotVerify() throws Exception {
		Path signed = this.dir.resolve("request.p7s");
		Result sign = sign("DE", this.json, signed);
		assertThat(sign.status()).isZero();
		assertThat(sign.err()).contains("warning: the request is from FR but signed by DE");

		Result verify = this.vigil.run("verify", signed.toString(), "--pki", this.pki.toString());

		assertThat(verify.status()).as(verify.toString()).isEqualTo(Vigil.FAILED);
		assertThat(verify.err()).endsWith(" is signed by DE but the request is from FR\n").hasLineCount(1);
	}

	@Test
	void aSignedDocumentThatIsNoRequestDoesNotVerify() throws Exception {
		Path other = Files.writeString(this.dir.resolve("other.json"), "{\"hello\": \"world\"}");
		Path signed = this.dir.resolve("other.p7s");
		Result sign = sign("FR", other, signed);
		assertThat(sign.status()).isZero();
		assertThat(sign.err()).contains("warning: the document is not a valid preservation request");

		Result verify = this.vigil.run("verify", signed.toString(), "--pki", this.pki.toString());

		assertThat(verify.status()).as(verify.toString()).isEqualTo(Vigil.FAILED);
		assertThat(verify.err()).contains("is signed by FR but holds no valid preservation request").hasLineCount(1);
	}

	@Test
	void anExpiredCrlFailsUnlessVerifiedAsOfAnEarlierInstant() throws Exception {
		Path signed = this.dir.resolve("request.p7s");
		assertThat(sign("FR", this.json, signed).status()).isZero();
		VigilRunner later = this.vigil.at(VigilRunner.NOW.plus(Duration.ofDays(30)));

		Result now = later.run("verify", signed.toString(), "--pki", this.pki.toString());
		Result asOfThen = later.run("verify", signed.toString(), "--pki", this.pki.toString(), "--at",
				"2026-11-22T04:00:00Z");

		assertThat(now.status()).as(now.toString()).isEqualTo(Vigil.FAILED);
		assertThat(now.err()).contains("REVOCATION_UNKNOWN", "--at").hasLineCount(1);
		assertThat(asOfThen.status()).as(asOfThen.toString()).isEqualTo(Vigil.OK);
		assertThat(asOfThen.out()).contains("verified as of 2026-11-22T04:00:00Z");
	}

	@Test
	void aRequestSignedUnderAnotherCaDoesNotVerify() throws Exception {
		Path otherPki = this.dir.resolve("other-pki");
		assertThat(this.vigil.run("pki", "init", "--out", otherPki.toString(), "--parties", "FR").status()).isZero();
		Path signed = this.dir.resolve("request.p7s");
		assertThat(this.vigil
			.run("sign", "--key", otherPki.resolve("parties/FR/signing.p12").toString(), "--in", this.json.toString(),
					"--out", signed.toString())
			.status()).isZero();

		Result verify = this.vigil.run("verify", signed.toString(), "--pki", this.pki.toString());

		assertThat(verify.status()).as(verify.toString()).isEqualTo(Vigil.FAILED);
		assertThat(verify.err()).contains("UNTRUSTED_CHAIN").hasLineCount(1);
	}

	@Test
	void aCrlOfAnotherCaIsRefused() throws Exception {
		Path otherPki = this.dir.resolve("other-pki");
		assertThat(this.vigil.run("pki", "init", "--out", otherPki.toString(), "--parties", "FR").status()).isZero();
		Path signed = this.dir.resolve("request.p7s");
		assertThat(sign("FR", this.json, signed).status()).isZero();

		Result verify = this.vigil.run("verify", signed.toString(), "--ca", this.pki.resolve("ca.pem").toString(),
				"--crl", otherPki.resolve("crl.pem").toString());

		assertThat(verify.status()).isEqualTo(Vigil.FAILED);
		assertThat(verify.err()).contains("crl.pem is not signed by the CA of ").hasLineCount(1);
	}

	private static String lastLine(String text) {
		String[] lines = text.split("\n");
		return lines[lines.length - 1];
	}

	private Result sign(String party, Path in, Path out) {
		return this.vigil.run("sign", "--key", this.pki.resolve("parties/" + party + "/signing.p12").toString(), "--in",
				in.toString(), "--out", out.toString());
	}

}
