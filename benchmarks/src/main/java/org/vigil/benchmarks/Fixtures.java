package org.vigil.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.SigningKeyType;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsVerifier;

/**
 * What the benchmarks sign and verify: a request of about 2 KiB and a development PKI
 * made in memory, with a fixed clock.
 */
final class Fixtures {

	static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode DE = CountryCode.of("DE");

	private Fixtures() {
	}

	/**
	 * An urgent preservation request whose wire form is about 2 KiB, with the free text a
	 * real one would have.
	 */
	static PreservationRequest request() {
		return new PreservationRequest(RequestId.of("req-FR-DE-2026-000417"), FR, DE, Urgency.URGENT, NOW,
				"Office central de lutte contre la criminalité liée aux technologies de l'information et de la "
						+ "communication (OCLCTIC), Nanterre; duty officer reachable 24/7 via the network",
				"Ransomware extortion of a hospital group (Art. 5, system interference; Art. 8, computer-related "
						+ "fraud), and unauthorised access to patient records (Art. 2)",
				"On 28 March 2026 at 23:10 CET the systems of a hospital group in Île-de-France were encrypted. "
						+ "Emergency admissions were diverted to other hospitals. The ransom note names a mail "
						+ "account hosted in Germany and a Tor site. Logs show an initial connection from a VPN "
						+ "exit node at 21:47 CET and lateral movement over remote desktop. The same account was "
						+ "used in two earlier attacks on French clinics, which suggests a single group. The "
						+ "attackers exfiltrated about 40 GB of patient records before encryption and threaten to "
						+ "publish them on 5 April 2026. Payment of 2.5 million euros in Monero is demanded. The "
						+ "hospital group has filed a complaint; the prosecutor of Paris (J3 cybercrime section) "
						+ "leads the investigation. No payment has been made. The negotiation is still going on "
						+ "through the same account.",
				"Subscriber information, registration IP address and time, login IP addresses and times from "
						+ "1 March 2026 to date, and the headers of messages sent, for the account x@example.net",
				"The account was used to send the ransom demand and to negotiate the payment; its login records "
						+ "may identify the infrastructure and the people behind the attack",
				"Example Mail GmbH, Musterstraße 1, 10115 Berlin; abuse desk abuse@example.net",
				"The provider deletes login records after 7 days: without preservation the records of the "
						+ "night of the attack are lost on 4 April 2026, before a mutual assistance request can "
						+ "be sent and executed",
				true);
	}

	/** The request as it is sent: RFC 8785 canonical JSON. */
	static byte[] canonicalRequest() {
		return CanonicalJson.canonicalize(request());
	}

	/** The request as the wire mapper writes it, before canonicalization. */
	static byte[] wireRequest() {
		return WireJson.write(request());
	}

	/** A PKI with FR's signing key of the given type. */
	static DevPki pki(SigningKeyType keyType) {
		DevPki pki = DevPki.generate(CLOCK, List.of(DE));
		pki.issueParty(FR, keyType);
		return pki;
	}

	static Credential signing(DevPki pki) {
		return pki.signing(FR);
	}

	static CmsVerifier verifier(DevPki pki) {
		return CmsVerifier.builder().trustAnchor(pki.caCertificate()).crl(pki::crl).clock(CLOCK).build();
	}

}
