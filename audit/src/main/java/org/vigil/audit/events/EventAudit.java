package org.vigil.audit.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.audit.AuditEntryIds;
import org.vigil.protocol.event.AcknowledgementSnoozed;
import org.vigil.protocol.event.AlertDelivered;
import org.vigil.protocol.event.CommandRefused;
import org.vigil.protocol.event.EscalatedByHand;
import org.vigil.protocol.event.InformationSupplied;
import org.vigil.protocol.event.LadderExhausted;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.PreservationExpiring;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestClosed;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestResponded;
import org.vigil.protocol.event.RequestRouted;
import org.vigil.protocol.event.ResponseOverdue;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.event.StepSkipped;
import org.vigil.protocol.receipt.Receipt;

/**
 * The audit entry of a lifecycle event: what the network decided (routing, who was paged
 * and why, skips, escalations, exhaustion) and what people did as the dispatcher applied
 * it (deliveries, acknowledgements, answers, snoozes, refused commands).
 *
 * <p>
 * A pure function of the event: the same event gives the same entry, byte for byte, so a
 * replay of {@code vigil.events} writes entries the ledger recognises by their id
 * ({@link AuditEntryIds#ofEvent}) and skips. Metadata only: an answer's kind and date,
 * never its note (its digest instead); the requester's supplied information by digest.
 * The time is the event's, the correlation id the request's id, so that an auditor can
 * gather a request's whole flow.
 */
public final class EventAudit {

	/** The actor of what the dispatcher decides on its own. */
	public static final String NETWORK = "network";

	private EventAudit() {
	}

	public static AuditEntry of(RequestEvent event) {
		if (event instanceof RequestRouted routed) {
			return entry(event, NETWORK, "REQUEST_ROUTED", "ACCEPTED",
					routed.from() + " to " + routed.to() + ", " + routed.urgency() + ", policy version "
							+ routed.policyVersion() + ", " + routed.steps() + " steps"
							+ (routed.drill() ? ", a drill" : ""),
					null, List.of(routed.from(), routed.to()));
		}
		if (event instanceof OfficersAlerted alerted) {
			return entry(event, NETWORK, "OFFICERS_ALERTED", "ACCEPTED",
					"step " + alerted.step() + ": paged " + names(alerted.officers()) + " (" + alerted.reason()
							+ "); acknowledge by " + alerted.deadline() + (alerted.drill() ? ", a drill" : ""),
					null, parties(alerted.from(), alerted.to()));
		}
		if (event instanceof StepSkipped skipped) {
			return entry(event, NETWORK, "STEP_SKIPPED", "ACCEPTED", "step " + skipped.step() + ": " + skipped.reason(),
					null, null);
		}
		if (event instanceof StepEscalated escalated) {
			return entry(event, NETWORK, "STEP_ESCALATED", "ACCEPTED", "step " + escalated.fromStep() + " to "
					+ escalated.toStep() + ", deadline " + escalated.missedDeadline() + " missed", null, null);
		}
		if (event instanceof EscalatedByHand byHand) {
			return entry(event, byHand.by().value(), "ESCALATED_BY_HAND", "ACCEPTED",
					"step " + byHand.fromStep() + " to " + byHand.toStep(), null, null);
		}
		if (event instanceof LadderExhausted exhausted) {
			return entry(event, NETWORK, "LADDER_EXHAUSTED", "ACCEPTED",
					"every step of " + exhausted.to() + " passed unacknowledged", null,
					parties(exhausted.from(), exhausted.to()));
		}
		if (event instanceof AlertDelivered delivered) {
			return entry(event, delivered.officer().value(), "ALERT_DELIVERED", "ACCEPTED",
					"shown on the console at step " + delivered.step(), null, null);
		}
		if (event instanceof RequestAcknowledged acknowledged) {
			return entry(event, acknowledged.by().value(), "REQUEST_ACKNOWLEDGED", "ACCEPTED",
					"at step " + acknowledged.step() + (acknowledged.wasPaged() ? ", paged" : ", not paged")
							+ (acknowledged.late() ? ", late" : "")
							+ ((acknowledged.respondBy() != null) ? "; answer due by " + acknowledged.respondBy() : ""),
					null, null);
		}
		if (event instanceof RequestResponded responded) {
			return entry(event, responded.by().value(), "REQUEST_RESPONDED", "ACCEPTED",
					responded.response().kind() + ((responded.response().preservedUntil() != null)
							? " until " + responded.response().preservedUntil() : ""),
					digest(responded.response().note()), null);
		}
		if (event instanceof RequestClosed closed) {
			return entry(event, NETWORK, "REQUEST_CLOSED", "ACCEPTED", closed.outcome().name(), null, null);
		}
		if (event instanceof ResponseOverdue overdue) {
			return entry(event, NETWORK, "RESPONSE_OVERDUE", "ACCEPTED",
					"answer of " + overdue.acknowledgedBy() + " was due " + overdue.due(), null, null);
		}
		if (event instanceof AcknowledgementSnoozed snoozed) {
			return entry(event, snoozed.by().value(), "ACKNOWLEDGEMENT_SNOOZED", "ACCEPTED",
					"until " + snoozed.until() + ", " + snoozed.snoozesLeft() + " snoozes left", null, null);
		}
		if (event instanceof InformationSupplied supplied) {
			return entry(event, supplied.by().value(), "INFORMATION_SUPPLIED", "ACCEPTED",
					"answer now due by " + supplied.respondBy(), digest(supplied.note()), null);
		}
		if (event instanceof PreservationExpiring expiring) {
			return entry(event, NETWORK, "PRESERVATION_EXPIRING", "ACCEPTED",
					"preservation by " + expiring.to() + " lapses " + expiring.preservedUntil(), null,
					parties(expiring.from(), expiring.to()));
		}
		CommandRefused refused = (CommandRefused) event;
		return entry(event, refused.by().value(), "COMMAND_REFUSED", "REJECTED " + refused.command(), refused.reason(),
				null, null);
	}

	private static AuditEntry entry(RequestEvent event, String actor, String action, String outcome, String detail,
			String digest, List<CountryCode> parties) {
		return new AuditEntry(event.at(), actor, action, event.requestId().value(), outcome, detail,
				event.requestId().value(), digest, AuditEntryIds.ofEvent(event), parties);
	}

	private static List<CountryCode> parties(CountryCode from, CountryCode to) {
		return (from != null && to != null) ? List.of(from, to) : null;
	}

	private static String names(List<OfficerId> officers) {
		return officers.stream().map(OfficerId::value).collect(Collectors.joining(", "));
	}

	private static String digest(String text) {
		return (text != null) ? Receipt.digestOf(text.getBytes(StandardCharsets.UTF_8)) : null;
	}

}
