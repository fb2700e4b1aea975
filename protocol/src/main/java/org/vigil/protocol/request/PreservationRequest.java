package org.vigil.protocol.request;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;

/**
 * A request for the expedited preservation of stored computer data (Budapest Convention,
 * Art. 29), with the elements Art. 29(2) requires.
 *
 * @param id the network-wide id, chosen by the sender
 * @param from the requesting Party
 * @param to the requested Party, whose contact point must act; the same as {@code from}
 * only in a reachability drill, which the network files against a Party on its own behalf
 * (the gateway refuses a request to one's own Party from anyone else, on every path)
 * @param urgency how soon the requested contact point must acknowledge
 * @param createdAt when the sender created the request
 * @param requestingAuthority (a) the authority seeking preservation
 * @param offence (b) the offence under investigation
 * @param summaryOfFacts (b) a brief summary of the related facts
 * @param dataToPreserve (c) the stored computer data to be preserved
 * @param relationToOffence (c) how that data relates to the offence
 * @param custodian (d) any available information identifying the custodian of the data or
 * the location of the computer system; may be empty, never null
 * @param necessity (e) why preservation is necessary
 * @param mutualAssistanceToFollow (f) whether the requesting Party intends to submit a
 * request for mutual assistance
 */
public record PreservationRequest(RequestId id, CountryCode from, CountryCode to, Urgency urgency, Instant createdAt,
		String requestingAuthority, String offence, String summaryOfFacts, String dataToPreserve,
		String relationToOffence, String custodian, String necessity, boolean mutualAssistanceToFollow) {

	/** The longest free-text element we accept, in characters. */
	public static final int MAX_TEXT = 10_000;

	public PreservationRequest {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(createdAt, "createdAt");
		requireText("requestingAuthority", requestingAuthority);
		requireText("offence", offence);
		requireText("summaryOfFacts", summaryOfFacts);
		requireText("dataToPreserve", dataToPreserve);
		requireText("relationToOffence", relationToOffence);
		requireText("necessity", necessity);
		custodian = (custodian != null) ? custodian : "";
		if (custodian.length() > MAX_TEXT) {
			throw new IllegalArgumentException("custodian is longer than " + MAX_TEXT + " characters");
		}
	}

	private static void requireText(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		if (value.length() > MAX_TEXT) {
			throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
		}
	}

}
