package org.vigil.audit.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.dispatch.ResponseKind;
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
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.receipt.Receipt;

import static org.assertj.core.api.Assertions.assertThat;

class EventAuditTest {

	private static final RequestId ID = RequestId.of("FR-2026-000123");

	private static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");

	private static final CountryCode FR = CountryCode.of("FR");

	private static final CountryCode DE = CountryCode.of("DE");

	private static final OfficerId MUELLER = OfficerId.of("de.mueller");

	private static final OfficerId REQUESTER = OfficerId.of("fr.requester");

	private static final String SECRET = "the account belongs to Jane Roe";

	/** One event of every kind, numbered 1… in a request's history. */
	static List<RequestEvent> everyKind() {
		return List.of(new RequestRouted(ID, 1, AT, FR, DE, Urgency.URGENT, 3, 4),
				new OfficersAlerted(ID, 2, AT, FR, DE, Urgency.URGENT, 1, 1, List.of(MUELLER),
						"rotation de-primary, shift 1", AT.plusSeconds(600)),
				new StepSkipped(ID, 3, AT, 2, "nobody on call"),
				new StepEscalated(ID, 4, AT, 1, 3, AT.plusSeconds(600)), new EscalatedByHand(ID, 5, AT, MUELLER, 3, 4),
				new LadderExhausted(ID, 6, AT, FR, DE), new AlertDelivered(ID, 7, AT, MUELLER, 1),
				new RequestAcknowledged(ID, 8, AT, MUELLER, 1, true, true, AT.plusSeconds(3600)),
				new RequestResponded(ID, 9, AT, MUELLER, new Response(ResponseKind.NEEDS_INFORMATION, null, SECRET)),
				new InformationSupplied(ID, 10, AT, REQUESTER, SECRET, AT.plusSeconds(7200)),
				new AcknowledgementSnoozed(ID, 11, AT, MUELLER, AT.plusSeconds(1800), 2),
				new ResponseOverdue(ID, 12, AT, MUELLER, AT.plusSeconds(3600)),
				new PreservationExpiring(ID, 13, AT, FR, DE, AT.plusSeconds(86_400)),
				new CommandRefused(ID, 14, AT, REQUESTER, "AcknowledgeRequest",
						"only the requested Party acknowledges"),
				new RequestClosed(ID, 15, AT, RequestClosed.Outcome.REFUSED));
	}

	@Test
	void everyEventBecomesOneEntryWithTheIdOfItsPlaceInTheRequestsHistory() {
		List<RequestEvent> events = everyKind();
		assertThat(events.stream().map(Object::getClass).distinct()).as("every kind of event is covered")
			.hasSize(RequestEvent.class.getPermittedSubclasses().length);
		for (RequestEvent event : events) {
			AuditEntry entry = EventAudit.of(event);
			assertThat(entry.id()).isEqualTo("event:FR-2026-000123:" + event.sequence());
			assertThat(entry.object()).isEqualTo(ID.value());
			assertThat(entry.correlationId()).isEqualTo(ID.value());
			assertThat(entry.at()).isEqualTo(AT);
			assertThat(CanonicalJson.canonicalize(EventAudit.of(event)))
				.as("a replay gives the same bytes, which the ledger recognises")
				.isEqualTo(CanonicalJson.canonicalize(entry));
		}
		assertThat(events.stream().map(EventAudit::of).map(AuditEntry::action)).containsExactly("REQUEST_ROUTED",
				"OFFICERS_ALERTED", "STEP_SKIPPED", "STEP_ESCALATED", "ESCALATED_BY_HAND", "LADDER_EXHAUSTED",
				"ALERT_DELIVERED", "REQUEST_ACKNOWLEDGED", "REQUEST_RESPONDED", "INFORMATION_SUPPLIED",
				"ACKNOWLEDGEMENT_SNOOZED", "RESPONSE_OVERDUE", "PRESERVATION_EXPIRING", "COMMAND_REFUSED",
				"REQUEST_CLOSED");
	}

	@Test
	void alertsSayWhoWasPagedAndWhyAndTheRoutingNamesBothParties() {
		List<RequestEvent> events = everyKind();
		AuditEntry routed = EventAudit.of(events.get(0));
		assertThat(routed.actor()).isEqualTo("network");
		assertThat(routed.parties()).containsExactly(FR, DE);
		assertThat(routed.detail()).contains("FR to DE", "URGENT", "policy version 3");
		AuditEntry alerted = EventAudit.of(events.get(1));
		assertThat(alerted.detail()).contains("step 1", "de.mueller", "rotation de-primary, shift 1");
		assertThat(EventAudit.of(events.get(7)).actor()).isEqualTo("de.mueller");
		assertThat(EventAudit.of(events.get(13)).outcome()).isEqualTo("REJECTED AcknowledgeRequest");
	}

	@Test
	void answersAndSuppliedInformationAreRecordedByDigestNeverByText() {
		for (RequestEvent event : everyKind()) {
			String json = new String(CanonicalJson.canonicalize(EventAudit.of(event)), StandardCharsets.UTF_8);
			assertThat(json).doesNotContain("Jane Roe");
		}
		String digest = Receipt.digestOf(SECRET.getBytes(StandardCharsets.UTF_8));
		assertThat(EventAudit.of(everyKind().get(8)).digest()).isEqualTo(digest);
		assertThat(EventAudit.of(everyKind().get(8)).detail()).isEqualTo("NEEDS_INFORMATION");
		assertThat(EventAudit.of(everyKind().get(9)).digest()).isEqualTo(digest);
	}

	@Test
	void aRecordThatIsNoEventIsAuditedAsUnreadableWithItsDigestAndPlace() {
		byte[] garbage = "{\"type\":\"NoSuchEvent\"}".getBytes(StandardCharsets.UTF_8);
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.EVENTS, 2, 41,
				ID.value().getBytes(StandardCharsets.UTF_8), garbage);
		AuditEntry entry = EventAuditor.entryOf(record);
		assertThat(entry.action()).isEqualTo("UNREADABLE_EVENT");
		assertThat(entry.object()).isEqualTo(ID.value());
		assertThat(entry.id()).isEqualTo("event-record:vigil.events-2@41");
		assertThat(entry.digest()).isEqualTo(Receipt.digestOf(garbage));
		assertThat(WireJson.read(WireJson.write(entry), AuditEntry.class)).isEqualTo(entry);
	}

}
