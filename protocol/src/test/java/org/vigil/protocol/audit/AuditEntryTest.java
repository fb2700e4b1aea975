package org.vigil.protocol.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.OfficerId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditEntryTest {

	private static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");

	@Test
	void anEntryWithoutIdOrPartiesKeepsTheCanonicalBytesOfEntriesWrittenBeforeThem() {
		AuditEntry entry = new AuditEntry(AT, "fr.requester", "LOGIN", "fr.requester", "ACCEPTED", "", "-", null);
		assertThat(new String(CanonicalJson.canonicalize(entry), StandardCharsets.UTF_8)).isEqualTo(
				"{\"action\":\"LOGIN\",\"actor\":\"fr.requester\",\"at\":\"2026-11-22T03:00:00Z\",\"correlationId\":\"-\","
						+ "\"detail\":\"\",\"digest\":null,\"object\":\"fr.requester\",\"outcome\":\"ACCEPTED\"}");
	}

	@Test
	void idAndPartiesTravelAndReadBack() {
		AuditEntry entry = new AuditEntry(AT, "network", "REQUEST_ROUTED", "FR-2026-000123", "ACCEPTED", "",
				"FR-2026-000123", null, "event:FR-2026-000123:1", List.of(CountryCode.of("FR"), CountryCode.of("DE")));
		String json = new String(CanonicalJson.canonicalize(entry), StandardCharsets.UTF_8);
		assertThat(json).contains("\"id\":\"event:FR-2026-000123:1\"").contains("\"parties\":[\"FR\",\"DE\"]");
		AuditEntry back = WireJson.read(json.getBytes(StandardCharsets.UTF_8), AuditEntry.class);
		assertThat(back).isEqualTo(entry);
		assertThat(back.concerns(CountryCode.of("DE"))).isTrue();
		assertThat(back.concerns(CountryCode.of("JP"))).isFalse();
	}

	@Test
	void idsNameTheFactSoThatARecordOfItAgainHasTheSameId() {
		RequestId id = RequestId.of("FR-2026-000123");
		RequestAcknowledged acknowledged = new RequestAcknowledged(id, 4, AT, OfficerId.of("de.mueller"), 1, true,
				false, null);
		assertThat(AuditEntryIds.ofEvent(acknowledged)).isEqualTo("event:FR-2026-000123:4")
			.isEqualTo(AuditEntryIds.ofEvent(id, 4));
		assertThat(AuditEntryIds.ofSubmission(id)).isEqualTo("submit:FR-2026-000123");
	}

	@Test
	void refusesABlankId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEntry(AT, "a", "b", "c", "d", "", "-", null, " ", null));
	}

}
