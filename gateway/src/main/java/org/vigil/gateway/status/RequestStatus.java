package org.vigil.gateway.status;

import java.time.Instant;
import java.util.List;

import org.vigil.protocol.receipt.ReceiptKind;
import org.vigil.protocol.request.PreservationRequest;

/**
 * A request as the API and the console show it.
 *
 * @param id the request id
 * @param state where it stands
 * @param from the requesting Party
 * @param to the requested Party
 * @param urgency its urgency
 * @param acceptedAt when the network accepted it
 * @param submittedBy who submitted it
 * @param step the ladder step paging now; null before routing
 * @param paged who is being paged now
 * @param deadline when the current step escalates; null when nothing is pending
 * @param deliveredTo the first officer whose console showed the alert; null until then
 * @param deliveredAt when; null until then
 * @param acknowledgedBy who acknowledged; null until then
 * @param acknowledgedAt when; null until then
 * @param respondBy when the officer who acknowledged must answer (or snoozed until); null
 * when no answer is due
 * @param response the requested Party's latest answer; null until then
 * @param preservedUntil when the preservation lapses; null unless preserved
 * @param outcome why the request closed; null while open
 * @param request the request itself; null if the read model has not seen it yet
 * @param requestDigest the digest of the signed request the network accepted, which
 * receipts name
 * @param signedByNetwork whether the network signed it on the sender's behalf (console)
 * @param receipts the steps a signed receipt has been issued for
 * @param timeline its history, oldest first
 * @param drill whether it is a reachability drill filed by the network
 * @param acknowledgedVia how it was acknowledged ({@code CONSOLE}, {@code EMAIL},
 * {@code SMS}…); null until then
 */
public record RequestStatus(String id, RequestState state, String from, String to, String urgency, Instant acceptedAt,
		String submittedBy, Integer step, List<String> paged, Instant deadline, String deliveredTo, Instant deliveredAt,
		String acknowledgedBy, Instant acknowledgedAt, Instant respondBy, Answer response, Instant preservedUntil,
		String outcome, PreservationRequest request, String requestDigest, boolean signedByNetwork,
		List<ReceiptKind> receipts, List<TimelineEntry> timeline, boolean drill, String acknowledgedVia) {

	/**
	 * An answer as the console shows it.
	 *
	 * @param kind PRESERVED, DISCLOSED, REFUSED or NEEDS_INFORMATION
	 * @param by who answered
	 * @param at when
	 * @param note the reason, the question or a reference; may be null
	 */
	public record Answer(String kind, String by, Instant at, String note) {
	}

	public RequestStatus {
		paged = (paged != null) ? List.copyOf(paged) : List.of();
		timeline = (timeline != null) ? List.copyOf(timeline) : List.of();
		receipts = (receipts != null) ? List.copyOf(receipts) : List.of();
	}

}
