package org.vigil.cli;

import java.nio.charset.StandardCharsets;

/** Preservation requests as a sender writes them: valid, but not in canonical form. */
public final class TestRequests {

	private TestRequests() {
	}

	/** A request from FR to DE, pretty-printed with its members out of order. */
	public static byte[] fromFrToDe(String id) {
		return request(id, "FR", "DE");
	}

	public static byte[] request(String id, String from, String to) {
		return """
				{
				  "to": "%s",
				  "from": "%s",
				  "id": "%s",
				  "urgency": "URGENT",
				  "createdAt": "2026-11-22T02:55:00Z",
				  "requestingAuthority": "Parquet de Paris, section J3 (cybercriminalité)",
				  "offence": "Ransomware extortion, art. 323-1 du code pénal",
				  "summaryOfFacts": "A hospital's servers were encrypted on 21 November; the ransom note names a mailbox.",
				  "dataToPreserve": "Subscriber data and access logs of the mailbox ransom@example.de",
				  "relationToOffence": "The ransom note names the mailbox for the payment negotiation",
				  "custodian": "Example Mail GmbH, Berlin",
				  "necessity": "The provider deletes access logs after 7 days",
				  "mutualAssistanceToFollow": true
				}
				"""
			.formatted(to, from, id)
			.getBytes(StandardCharsets.UTF_8);
	}

}
