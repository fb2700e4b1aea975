package org.vigil.standalone;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.request.PreservationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * National systems on the gateway's mutual-TLS port: the client certificate the directory
 * registers for a Party makes the caller that Party's national system; any other
 * certificate, and no certificate, gets nothing.
 */
class MutualTlsIT extends NetworkTest {

	private static final CountryCode FRANCE = CountryCode.of("FR");

	private final DevPki pki = Infrastructure.get().pki;

	private final int mtlsPort = Infrastructure.get().mtlsPort;

	private NationalSystem withCertificate(Credential client) throws Exception {
		return NationalSystem.overMutualTls(this.mtlsPort, client, this.pki.caCertificate());
	}

	@Test
	void aPartysRegisteredCertificateMakesTheCallerThatPartysNationalSystem() throws Exception {
		NationalSystem france = withCertificate(this.pki.tlsClient(FRANCE));

		HttpResponse<String> me = france.get("/api/v1/me");
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(json(me).get("id").asString()).isEqualTo("fr.national-system");
		assertThat(json(me).get("country").asString()).isEqualTo("FR");
		assertThat(json(me).get("roles").toString()).isEqualTo("[\"REQUESTER\"]");

		PreservationRequest request = new PreservationRequest(RequestId.random(), FRANCE, CountryCode.of("DE"),
				Urgency.URGENT, this.clock.instant(), "OCLCTIC, Nanterre", "Ransomware extortion",
				"A hospital was encrypted.", "Login records of the account", "It sent the ransom demand",
				"Example Mail", "Deleted after 7 days", true);
		HttpResponse<String> accepted = france.send(NationalSystem.sign(request, this.pki.signing(FRANCE), this.clock),
				request);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		assertThat(json(accepted).get("submittedBy").asString()).isEqualTo("fr.national-system");
		assertThat(france.get("/api/v1/requests/" + request.id()).statusCode()).isEqualTo(200);
		await().atMost(ALERT_WITHIN)
			.until(() -> france.download("/api/v1/requests/" + request.id() + "/receipts/ACCEPTED")
				.statusCode() == 200);
		assertThat(json(france.get("/api/v1/requests?box=sent")).toString()).contains(request.id().value());

		// The second line: no role of the national system lets it act for the requested
		// Party, and method security says so before the controller looks.
		HttpResponse<String> acknowledge = france.post("/api/v1/requests/" + request.id() + "/acknowledgement", "");
		assertThat(acknowledge.statusCode()).isEqualTo(403);
		assertThat(json(acknowledge).get("type").asString()).isEqualTo("/problems/not-allowed");
		assertThat(json(acknowledge).get("detail").asString()).isEqualTo("Your roles [REQUESTER] do not allow this");
		assertThat(france.get("/directory.html").statusCode()).as("only the API is served here").isEqualTo(403);
	}

	@Test
	void aCertificateOfAnotherCaIsRefusedAtTheHandshake() throws Exception {
		NationalSystem rogue = withCertificate(this.pki.issueTlsClientByUnknownCa(FRANCE));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> rogue.get("/api/v1/me"));
	}

	@Test
	void noCertificateNoConnectionEvenWithAPersonsSession() throws Exception {
		try (ConsoleSession person = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			String cookie = person.cookieHeader();
			NationalSystem anonymous = withCertificate(null);

			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> anonymous.get("/api/v1/me", "Cookie", cookie));

			HttpResponse<String> withBoth = withCertificate(this.pki.tlsClient(FRANCE)).get("/api/v1/me", "Cookie",
					cookie);
			assertThat(json(withBoth).get("id").asString()).as("the certificate, not the session, says who calls")
				.isEqualTo("fr.national-system");
		}
	}

	@Test
	void aRevokedCertificateIsRefused() throws Exception {
		Credential revoked = this.pki.issueTlsClient(CountryCode.of("NL"));
		Pem.writeCrl(Infrastructure.get().pkiLayout.crl(), this.pki.revoke(revoked.certificate()));

		HttpResponse<String> refused = withCertificate(revoked).get("/api/v1/me");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(json(refused).get("type").asString()).isEqualTo("/problems/client-certificate-refused");
		assertThat(json(refused).get("detail").asString()).contains("revoked");
	}

	@Test
	void aValidCertificateOfAPartyWithoutAContactPointOrNotRegisteredIsForbidden() throws Exception {
		Map<TopicPartition, Long> before = endOffsets(Topics.REQUESTS);

		HttpResponse<String> noContactPoint = withCertificate(this.pki.issueTlsClient(CountryCode.of("RU")))
			.get("/api/v1/me");
		assertThat(noContactPoint.statusCode()).as(noContactPoint.body()).isEqualTo(403);
		assertThat(noContactPoint.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(json(noContactPoint).get("type").asString()).isEqualTo("/problems/not-allowed");
		assertThat(json(noContactPoint).get("detail").asString()).contains("RU", "no contact point");

		HttpResponse<String> unregistered = withCertificate(this.pki.issueTlsClient(FRANCE)).post("/api/v1/requests",
				preservationRequest("DE", "URGENT"));
		assertThat(unregistered.statusCode()).as(unregistered.body()).isEqualTo(403);
		assertThat(json(unregistered).get("detail").asString()).contains("registers no TLS client certificate");
		assertThat(endOffsets(Topics.REQUESTS)).as("nothing written").isEqualTo(before);
	}

}
