package org.vigil.protocol;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFormatTest {

	@Test
	void commandsSurviveTheRoundTripWithTheirType() {
		DispatchCommand submit = new SubmitRequest(Requests.urgentPreservation("FR", "DE"),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of("fr.requester"),
				Instant.parse("2026-03-29T01:30:01Z"));
		DispatchCommand ack = new AcknowledgeRequest(submit.requestId(), OfficerId.of("de.mueller"),
				Instant.parse("2026-03-29T01:31:00Z"));

		assertThat(WireJson.read(WireJson.write(submit), DispatchCommand.class)).isEqualTo(submit);
		assertThat(WireJson.read(WireJson.write(ack), DispatchCommand.class)).isEqualTo(ack);
	}

	@Test
	void idsAndInstantsTravelAsPlainStrings() {
		RequestEvent alerted = new OfficersAlerted(RequestId.of("req-12345678"), 2,
				Instant.parse("2026-03-29T01:30:02Z"), CountryCode.of("FR"), CountryCode.of("DE"), Urgency.EMERGENCY, 1,
				1, List.of(OfficerId.of("de.mueller")), "rotation", Instant.parse("2026-03-29T01:40:01Z"));

		String json = new String(WireJson.write(alerted));

		assertThat(json).contains("\"requestId\":\"req-12345678\"")
			.contains("\"officers\":[\"de.mueller\"]")
			.contains("\"deadline\":\"2026-03-29T01:40:01Z\"")
			.contains("\"type\":\"OfficersAlerted\"");
		assertThat(WireJson.read(json.getBytes(), RequestEvent.class)).isEqualTo(alerted);
	}

	@Test
	void refusesDuplicateKeys() {
		byte[] json = """
				{"type":"AcknowledgeRequest","requestId":"req-12345678","officer":"de.mueller","officer":"de.other",
				 "acceptedAt":"2026-03-29T01:31:00Z"}""".getBytes();

		assertThatThrownBy(() -> WireJson.read(json, DispatchCommand.class)).isInstanceOf(UnreadableRecord.class)
			.hasMessageContaining("officer");
	}

	@Test
	void refusesRecordsThatBreakTheirInvariants() {
		byte[] json = """
				{"type":"AcknowledgeRequest","requestId":"bad id!","officer":"de.mueller",
				 "acceptedAt":"2026-03-29T01:31:00Z"}""".getBytes();

		assertThatThrownBy(() -> WireJson.read(json, DispatchCommand.class)).isInstanceOf(UnreadableRecord.class);
	}

	@Test
	void aDrillSurvivesTheRoundTripAndOlderRecordsReadAsRealRequests() {
		PreservationRequest toItself = Requests.urgentPreservation("DE", "DE");
		DispatchCommand drill = new SubmitRequest(toItself, SignedRequest.of(new byte[] { 0x30, 0x00 }, true),
				SubmitRequest.NETWORK, Instant.parse("2026-03-29T01:30:01Z"), true);
		RequestEvent alerted = new OfficersAlerted(RequestId.of("req-12345678"), 2,
				Instant.parse("2026-03-29T01:30:02Z"), CountryCode.of("DE"), CountryCode.of("DE"), Urgency.URGENT, 1, 1,
				List.of(OfficerId.of("de.mueller")), "rotation", Instant.parse("2026-03-29T01:40:01Z"), true);

		assertThat(WireJson.read(WireJson.write(drill), DispatchCommand.class)).isEqualTo(drill);
		assertThat(WireJson.read(WireJson.write(alerted), RequestEvent.class)).isEqualTo(alerted);

		String older = new String(WireJson.write(alerted)).replace(",\"drill\":true", "");
		assertThat(older).doesNotContain("drill");
		assertThat(((OfficersAlerted) WireJson.read(older.getBytes(), RequestEvent.class)).drill()).isFalse();
	}

}
