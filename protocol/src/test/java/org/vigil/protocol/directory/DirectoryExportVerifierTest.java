package org.vigil.protocol.directory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.signing.CmsSigner;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.SignatureRejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryExportVerifierTest {

	static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final CountryCode FR = CountryCode.of("FR");

	/**
	 * A seed directory in the shape the directory module reads, trimmed to the envelope.
	 */
	static final byte[] SEED = """
			{"network": {"coordinators": [{"id": "net.coordinator", "name": "Coordinator", "roles": ["COORDINATOR"]}]},
			 "contactPoints": [
			   {"country": "FR", "partyName": "France", "zone": "Europe/Paris",
			    "certificates": [{"use": "SIGNING", "sha256": "%s"}]},
			   {"country": "DE", "partyName": "Germany", "zone": "Europe/Berlin"}]}
			""".formatted("ab".repeat(32)).getBytes(StandardCharsets.UTF_8);

	static DevPki pki;

	@BeforeAll
	static void pki() {
		pki = DevPki.generate(CLOCK, Period.ofDays(30));
		pki.issueParty(FR);
	}

	static DirectoryExportVerifier verifierAt(Clock clock) {
		return new DirectoryExportVerifier(
				CmsVerifier.builder().trustAnchor(pki.caCertificate()).crl(pki::crl).clock(clock).build());
	}

	static byte[] signedByNetwork(byte[] content) {
		return new CmsSigner(pki.networkSigning(), CLOCK).sign(content);
	}

	static void rejected(ThrowingCallable verification, ExportRejected.Reason reason) {
		assertThatThrownBy(verification).isInstanceOfSatisfying(ExportRejected.class,
				(rejection) -> assertThat(rejection.reason()).as(rejection.getMessage()).isEqualTo(reason));
	}

	@Test
	void acceptsTheNetworksExportAndGivesBackTheSeedDirectory() {
		DirectoryExport export = DirectoryExport.of(SEED, NOW);

		DirectoryExportVerifier.Verified verified = verifierAt(CLOCK).verify(signedByNetwork(export.content()));

		assertThat(verified.cms().signer().isNetwork()).isTrue();
		assertThat(verified.export()).isEqualTo(export);
		assertThat(verified.export().exportedAt()).isEqualTo(NOW);
		assertThat(verified.export().countries()).extracting(CountryCode::value).containsExactly("FR", "DE");
		assertThat(WireJson.mapper().readTree(verified.export().seed())).isEqualTo(WireJson.mapper().readTree(SEED));
	}

	@Test
	void theSignedContentIsCanonicalAndNamesItsFormatAndInstant() {
		byte[] content = DirectoryExport.of(SEED, NOW).content();

		assertThat(CanonicalJson.isCanonical(content)).isTrue();
		assertThat(new String(content, StandardCharsets.UTF_8)).startsWith("{\"contactPoints\":[")
			.contains("\"exportedAt\":\"2026-11-22T02:00:00Z\"", "\"format\":\"vigil.directory-export/1\"");
	}

	@Test
	void rejectsAnAlteredExport() {
		byte[] cms = signedByNetwork(DirectoryExport.of(SEED, NOW).content());
		byte[] germany = "Germany".getBytes(StandardCharsets.UTF_8);
		int at = indexOf(cms, germany);
		cms[at] = 'X';

		assertThatThrownBy(() -> verifierAt(CLOCK).verify(cms)).isInstanceOfSatisfying(SignatureRejected.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(SignatureRejected.Reason.BAD_SIGNATURE));
	}

	@Test
	void rejectsAnExportSignedByAContactPoint() {
		byte[] cms = new CmsSigner(pki.signing(FR), CLOCK).sign(DirectoryExport.of(SEED, NOW).content());

		rejected(() -> verifierAt(CLOCK).verify(cms), ExportRejected.Reason.NOT_SIGNED_BY_NETWORK);
	}

	@Test
	void rejectsAnExportWhoseSignerIsRevoked() {
		DevPki revoking = DevPki.generate(CLOCK);
		byte[] cms = new CmsSigner(revoking.networkSigning(), CLOCK).sign(DirectoryExport.of(SEED, NOW).content());
		revoking.revoke(revoking.networkSigning().certificate());
		DirectoryExportVerifier verifier = new DirectoryExportVerifier(
				CmsVerifier.builder().trustAnchor(revoking.caCertificate()).crl(revoking::crl).clock(CLOCK).build());

		assertThatThrownBy(() -> verifier.verify(cms)).isInstanceOfSatisfying(SignatureRejected.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(SignatureRejected.Reason.REVOKED));
	}

	@Test
	void rejectsAnExportWhoseSignerHasExpired() {
		byte[] cms = signedByNetwork(DirectoryExport.of(SEED, NOW).content());
		Clock later = Clock.fixed(NOW.plus(Duration.ofDays(31)), ZoneOffset.UTC);

		assertThatThrownBy(() -> verifierAt(later).verify(cms)).isInstanceOfSatisfying(SignatureRejected.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(SignatureRejected.Reason.CERTIFICATE_EXPIRED));
	}

	@Test
	void rejectsContentThatIsNotCanonical() {
		byte[] pretty = WireJson.mapper()
			.writerWithDefaultPrettyPrinter()
			.writeValueAsBytes(WireJson.mapper().readTree(DirectoryExport.of(SEED, NOW).content()));

		rejected(() -> verifierAt(CLOCK).verify(signedByNetwork(pretty)), ExportRejected.Reason.NOT_CANONICAL);
	}

	@Test
	void rejectsAnotherFormatOrAnExtraMember() {
		String content = new String(DirectoryExport.of(SEED, NOW).content(), StandardCharsets.UTF_8);
		for (String altered : List.of(content.replace("export/1", "export/2"),
				content.replace("{\"contactPoints\"", "{\"comment\":\"x\",\"contactPoints\""),
				content.replace("\"exportedAt\":\"2026-11-22T02:00:00Z\"", "\"exportedAt\":\"yesterday\""))) {
			byte[] cms = signedByNetwork(CanonicalJson.canonicalize(altered.getBytes(StandardCharsets.UTF_8)));
			rejected(() -> verifierAt(CLOCK).verify(cms), ExportRejected.Reason.INVALID_CONTENT);
		}
	}

	@Test
	void rejectsAContactPointListedTwice() {
		byte[] twice = """
				{"network": {}, "contactPoints": [{"country": "FR"}, {"country": "FR"}]}"""
			.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> DirectoryExport.of(twice, NOW)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FR appears twice");
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}

}
