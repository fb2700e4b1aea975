package org.vigil.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.audit.AuditEntryIds;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.EscalateNow;
import org.vigil.protocol.dispatch.RecordDelivery;
import org.vigil.protocol.dispatch.RespondToRequest;
import org.vigil.protocol.dispatch.SnoozeRequest;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.dispatch.SupplyInformation;
import org.vigil.protocol.notification.ContactChannel;

/**
 * The audit entry of a command the network accepted: who did what to which request, and
 * when. Metadata only: an answer's kind, never its note; a submission's digest, never its
 * text. The submission's entry has the id its ACCEPTED receipt names; the other commands'
 * entries name no Party, and the ledger finds the request's Parties from its submission.
 */
public final class CommandAudit {

	private CommandAudit() {
	}

	public static AuditEntry of(DispatchCommand command) {
		String id = command.requestId().value();
		String correlation = correlationId();
		if (command instanceof SubmitRequest submit) {
			return new AuditEntry(submit.acceptedAt(), submit.submittedBy().value(), "SUBMIT_REQUEST", id, "ACCEPTED",
					submit.request().from() + " to " + submit.request().to() + ", " + submit.request().urgency()
							+ (submit.signed().signedByNetwork() ? ", signed by the network on the sender's behalf"
									: ", signed by the sender")
							+ (submit.drill() ? ", a drill" : ""),
					correlation, submit.signed().digest(), AuditEntryIds.ofSubmission(submit.requestId()),
					List.of(submit.request().from(), submit.request().to()));
		}
		if (command instanceof AcknowledgeRequest acknowledge) {
			return entry(acknowledge.acceptedAt(), acknowledge.officer().value(), "ACKNOWLEDGE", id,
					(acknowledge.via() != ContactChannel.CONSOLE)
							? "by the link of a message sent by " + acknowledge.via().words() : "",
					correlation);
		}
		if (command instanceof EscalateNow escalate) {
			return entry(escalate.acceptedAt(), escalate.by().value(), "ESCALATE", id, "by hand", correlation);
		}
		if (command instanceof RecordDelivery delivery) {
			return entry(delivery.acceptedAt(), delivery.officer().value(), "ALERT_SHOWN", id,
					"the console showed the alert", correlation);
		}
		if (command instanceof RespondToRequest respond) {
			return entry(respond.acceptedAt(), respond.officer().value(), "RESPOND", id,
					respond.response().kind() + ((respond.response().preservedUntil() != null)
							? " until " + respond.response().preservedUntil() : ""),
					correlation);
		}
		if (command instanceof SnoozeRequest snooze) {
			return entry(snooze.acceptedAt(), snooze.officer().value(), "SNOOZE", id, "for " + snooze.duration(),
					correlation);
		}
		SupplyInformation supply = (SupplyInformation) command;
		return entry(supply.acceptedAt(), supply.by().value(), "SUPPLY_INFORMATION", id, "", correlation);
	}

	private static AuditEntry entry(Instant at, String actor, String action, String object, String detail,
			String correlation) {
		return new AuditEntry(at, actor, action, object, "ACCEPTED", detail, correlation, null);
	}

	/** The HTTP exchange's correlation id when there is one, else a fresh one. */
	private static String correlationId() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object id = (attributes != null)
				? attributes.getAttribute(SubmissionAuditFilter.CORRELATION_ID, RequestAttributes.SCOPE_REQUEST) : null;
		return (id != null) ? id.toString() : UUID.randomUUID().toString();
	}

}
