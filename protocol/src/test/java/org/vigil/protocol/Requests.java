package org.vigil.protocol;

import java.time.Instant;

import org.vigil.protocol.request.PreservationRequest;

/** Small fixtures for tests of the wire types. */
public final class Requests {

	private Requests() {
	}

	public static PreservationRequest urgentPreservation(String from, String to) {
		return new PreservationRequest(RequestId.of("req-" + from + "-" + to + "-0001"), CountryCode.of(from),
				CountryCode.of(to), Urgency.URGENT, Instant.parse("2026-03-29T01:30:00Z"), "Cybercrime unit, Paris",
				"Ransomware extortion (Art. 5)", "Hospital systems encrypted; ransom note points to a mail account.",
				"Subscriber and login records of account x@example.net", "Used to send the ransom demand",
				"Example Mail GmbH", "Provider deletes logs after 7 days", true);
	}

}
