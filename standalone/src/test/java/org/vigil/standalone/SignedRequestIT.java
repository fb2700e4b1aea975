package org.vigil.standalone;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.vigil.directory.policy.StepTarget;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.SigningKeyType;
import org.vigil.protocol.receipt.Receipt;
import org.vigil.protocol.receipt.ReceiptKind;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsVerifier;
import org.vigil.protocol.signing.VerifiedContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests signed by national systems, through the real gateway, broker and Redis: the
 * good one is accepted with receipts the sender verifies offline; every hostile one is
 * refused with its own problem type and leaves nothing in Kafka.
 */
class SignedRequestIT extends NetworkTest {

	private static final CountryCode FRANCE = CountryCode.of("FR");

	private final DevPki pki = Infrastructure.get().pki;

	private NationalSystem france() {
		return new NationalSystem(this.port, "fr.requester", PASSWORD);
	}

	private PreservationRequest request(String to) {
		return new PreservationRequest(RequestId.random(), FRANCE, CountryCode.of(to), Urgency.URGENT,
				this.clock.instant(), "OCLCTIC, Nanterre", "Ransomware extortion", "A hospital was encrypted.",
				"Login records of the account", "It sent the ransom demand", "Example Mail", "Deleted after 7 days",
				true);
	}

	@Test
	void aSignedRequestIsAcceptedAndEveryReceiptVerifiesAgainstTheNetworkCa() throws Exception {
		PreservationRequest request = request("DE");
		byte[] cms = NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock);

		HttpResponse<String> accepted = france().send(cms, request);

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		assertThat(json(accepted).get("requestDigest").asString()).isEqualTo(Receipt.digestOf(cms));
		assertThat(receipt(request, ReceiptKind.ACCEPTED, cms).statement()).contains("signed by FR");
		byte[] stored = france().download("/api/v1/requests/" + request.id() + "/signed").body();
		assertThat(stored).as("the receiving Party gets the exact bytes that were signed").isEqualTo(cms);

		OfficerId onCall = onCall("DE", StepTarget.PRIMARY_ON_CALL);
		try (ConsoleSession officer = ConsoleSession.login(this.port, onCall.value(), PASSWORD)) {
			assertThat(officer.post("/api/v1/requests/" + request.id() + "/delivery", null).statusCode())
				.isEqualTo(202);
			Receipt delivered = awaitReceipt(request, ReceiptKind.DELIVERED, cms);
			assertThat(delivered.actor()).isEqualTo(onCall.value());
			assertThat(officer.post("/api/v1/requests/" + request.id() + "/acknowledgement", null).statusCode())
				.isEqualTo(202);
			Receipt acknowledged = awaitReceipt(request, ReceiptKind.ACKNOWLEDGED, cms);
			assertThat(acknowledged.actor()).isEqualTo(onCall.value());
			assertThat(acknowledged.statement()).contains("Acknowledged by " + onCall);
		}
	}

	@Test
	void theSameSignedBytesTwiceAreAcceptedOnceAndOtherBytesUnderTheSameIdAreRefused() throws Exception {
		PreservationRequest request = request("NL");
		byte[] cms = NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock);
		assertThat(france().send(cms, request).statusCode()).isEqualTo(202);
		Map<TopicPartition, Long> before = endOffsets();

		HttpResponse<String> again = france().send(cms, request);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("Vigil-Replay")).contains("true");

		byte[] resigned = NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock);
		HttpResponse<String> conflict = france().send(resigned, request);
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(type(conflict)).isEqualTo("/problems/request-id-conflict");

		assertNothingPublishedSince(before);
	}

	@Test
	void aFlippedByteIsRefused() throws Exception {
		PreservationRequest request = request("DE");
		byte[] cms = NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock);
		byte[] content = CanonicalJson.canonicalize(request);
		int at = indexOf(cms, content) + 10;
		cms[at] ^= 0x01;
		assertRefused(cms, request, 422, "/problems/signature/bad-signature");
	}

	@Test
	void aRequestSignedByAnotherCountryIsRefused() throws Exception {
		PreservationRequest request = request("NL");
		assertRefused(NationalSystem.sign(request, this.pki.signing(CountryCode.of("DE")), this.clock), request, 422,
				"/problems/signature/wrong-country");
	}

	@Test
	void anExpiredCertificateIsRefused() throws Exception {
		PreservationRequest request = request("DE");
		assertRefused(NationalSystem.sign(request, this.pki.issueExpiredSigning(FRANCE), this.clock), request, 422,
				"/problems/signature/certificate-expired");
	}

	@Test
	void aCertificateNotYetValidIsRefused() throws Exception {
		PreservationRequest request = request("DE");
		Instant later = this.clock.instant().plus(Duration.ofDays(30));
		Credential future = this.pki.issueSigning(FRANCE, SigningKeyType.EC_P256, later,
				later.plus(Duration.ofDays(90)));
		assertRefused(NationalSystem.sign(request, future, this.clock), request, 422,
				"/problems/signature/certificate-not-yet-valid");
	}

	@Test
	void aRevokedCertificateIsRefused() throws Exception {
		Credential revoked = this.pki.issueSigning(FRANCE, SigningKeyType.EC_P256,
				this.clock.instant().minus(Duration.ofDays(1)), this.clock.instant().plus(Duration.ofDays(365)));
		revokeAndPublishCrl(revoked.certificate().getSerialNumber());
		PreservationRequest request = request("DE");
		assertRefused(NationalSystem.sign(request, revoked, this.clock), request, 422, "/problems/signature/revoked");
	}

	@Test
	void aCertificateOfAnUnknownCaIsRefused() throws Exception {
		PreservationRequest request = request("DE");
		assertRefused(NationalSystem.sign(request, this.pki.issueSigningByUnknownCa(FRANCE), this.clock), request, 422,
				"/problems/signature/untrusted-chain");
	}

	@Test
	void aSha1SignedCertificateIsRefused() throws Exception {
		PreservationRequest request = request("DE");
		assertRefused(NationalSystem.sign(request, this.pki.issueSha1SignedSigning(FRANCE), this.clock), request, 422,
				"/problems/signature/weak-algorithm");
	}

	@Test
	void theTlsClientKeyCannotSignRequests() throws Exception {
		PreservationRequest request = request("DE");
		assertRefused(NationalSystem.sign(request, this.pki.tlsClient(FRANCE), this.clock), request, 422,
				"/problems/signature/wrong-key-usage");
	}

	@Test
	void aValidCertificateTheDirectoryDoesNotRegisterIsRefused() throws Exception {
		Credential unregistered = this.pki.issueSigning(FRANCE, SigningKeyType.EC_P256,
				this.clock.instant().minus(Duration.ofDays(1)), this.clock.instant().plus(Duration.ofDays(365)));
		PreservationRequest request = request("DE");
		assertRefused(NationalSystem.sign(request, unregistered, this.clock), request, 422,
				"/problems/signature/signer-not-in-directory");
	}

	@Test
	void truncatedOrGarbageEnvelopesAreRefused() throws Exception {
		PreservationRequest request = request("DE");
		byte[] cms = NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock);
		assertRefused(Arrays.copyOf(cms, cms.length / 2), request, 400, "/problems/signature/malformed");
		assertRefused("not a CMS envelope".getBytes(StandardCharsets.UTF_8), request, 400,
				"/problems/signature/malformed");
	}

	@Test
	void duplicateJsonKeysInTheSignedContentAreRefused() throws Exception {
		PreservationRequest request = request("DE");
		String canonical = new String(CanonicalJson.canonicalize(request), StandardCharsets.UTF_8);
		byte[] duplicated = canonical.replace("\"offence\":", "\"offence\":\"Fraud\",\"offence\":")
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(NationalSystem.sign(duplicated, this.pki.signing(FRANCE), this.clock), request, 400,
				"/problems/signature/not-canonical");
	}

	@Test
	void anOversizedPayloadIsRefused() throws Exception {
		PreservationRequest request = request("DE");
		byte[] oversized = new byte[1024 * 1024 + 1];
		// Refused before it is read to the end, so the audit entry names no digest.
		assertRefused((system) -> system.send(oversized, request), 413, "/problems/payload-too-large");
	}

	@Test
	void routingHeadersThatDisagreeWithTheSignedRequestAreRefused() throws Exception {
		PreservationRequest request = request("DE");
		byte[] cms = NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock);
		assertRefused((system) -> system.send(cms, request.id().value(), "FR", "NL", request.createdAt()), 422,
				"/problems/signature/metadata-mismatch");
	}

	@Test
	void aRequestCreatedOutsideTheClockSkewIsRefused() throws Exception {
		PreservationRequest stale = new PreservationRequest(RequestId.random(), FRANCE, CountryCode.of("DE"),
				Urgency.URGENT, this.clock.instant().minus(Duration.ofHours(1)), "OCLCTIC", "Fraud", "Facts", "Data",
				"Relation", "", "Necessity", true);
		assertRefused(NationalSystem.sign(stale, this.pki.signing(FRANCE), this.clock), stale, 422,
				"/problems/signature/clock-skew");
	}

	private void assertRefused(byte[] cms, PreservationRequest request, int status, String type) throws Exception {
		AuditEntry entry = assertRefused((system) -> system.send(cms, request), status, type);
		assertThat(entry.digest()).as("the audit names the refused bytes by digest").isEqualTo(Receipt.digestOf(cms));
	}

	/**
	 * Sends, expects the refusal, and checks that it left nothing in Kafka but an audit
	 * entry naming the sender, the request and the problem type.
	 * @return that audit entry
	 */
	private AuditEntry assertRefused(Sending sending, int status, String type) throws Exception {
		Map<TopicPartition, Long> before = endOffsets();
		Map<TopicPartition, Long> auditBefore = endOffsets(Topics.AUDIT);
		HttpResponse<String> refused = sending.send(france());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
		assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(type(refused)).as(refused.body()).isEqualTo(type);
		String correlationId = refused.headers().firstValue("Vigil-Correlation-Id").orElseThrow();
		Predicate<AuditEntry> ofThisExchange = (candidate) -> candidate.correlationId().equals(correlationId);
		AuditEntry entry = auditSince(auditBefore, ofThisExchange).stream()
			.filter(ofThisExchange)
			.findFirst()
			.orElseThrow();
		assertThat(entry.actor()).isEqualTo("fr.requester");
		assertThat(entry.action()).isEqualTo("SUBMIT_REQUEST");
		assertThat(entry.outcome()).isEqualTo("REJECTED " + type);
		assertNothingPublishedSince(before);
		return entry;
	}

	/** A valid submission after the refused one is the only record written since. */
	private void assertNothingPublishedSince(Map<TopicPartition, Long> before) throws Exception {
		PreservationRequest sentinel = request("JP");
		assertThat(france().send(NationalSystem.sign(sentinel, this.pki.signing(FRANCE), this.clock), sentinel)
			.statusCode()).isEqualTo(202);
		assertThat(recordsSince(before, sentinel.id().value())).extracting(ConsumerRecord::key)
			.containsExactly(sentinel.id().value());
	}

	private void revokeAndPublishCrl(BigInteger serial) throws Exception {
		Pem.writeCrl(Infrastructure.get().pkiLayout.crl(), this.pki.revoke(serial));
	}

	private Receipt awaitReceipt(PreservationRequest request, ReceiptKind kind, byte[] cms) throws Exception {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> france().download("/api/v1/requests/" + request.id() + "/receipts/" + kind.name())
				.statusCode() == 200);
		return receipt(request, kind, cms);
	}

	/**
	 * Downloads a receipt and verifies it as a sender would, offline, against the CA and
	 * CRL.
	 */
	private Receipt receipt(PreservationRequest request, ReceiptKind kind, byte[] cms) throws Exception {
		HttpResponse<byte[]> download = france()
			.download("/api/v1/requests/" + request.id() + "/receipts/" + kind.name());
		assertThat(download.statusCode()).isEqualTo(200);
		CmsVerifier verifier = CmsVerifier.builder()
			.trustAnchor(this.pki.caCertificate())
			.crl(() -> this.pki.crl())
			.clock(this.clock)
			.build();
		VerifiedContent verified = verifier.verify(download.body());
		assertThat(verified.signer().isNetwork()).as("receipts are signed by the network").isTrue();
		Receipt receipt = WireJson.read(verified.content(), Receipt.class);
		assertThat(receipt.kind()).isEqualTo(kind);
		assertThat(receipt.requestId()).isEqualTo(request.id());
		assertThat(receipt.requestDigest()).isEqualTo(Receipt.digestOf(cms));
		return receipt;
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
		throw new AssertionError("the content is not in the envelope");
	}

	private static String type(HttpResponse<String> response) {
		return json(response).get("type").asString();
	}

	@FunctionalInterface
	interface Sending {

		HttpResponse<String> send(NationalSystem system) throws Exception;

	}

}
