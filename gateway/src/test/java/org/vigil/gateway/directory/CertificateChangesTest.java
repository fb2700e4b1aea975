package org.vigil.gateway.directory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vigil.directory.party.CertificateEntry;
import org.vigil.directory.party.CertificateUse;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CertificateChangesTest {

	private static final CountryCode DE = CountryCode.of("DE");

	private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

	private static final CertificateEntry OLD = new CertificateEntry(CertificateUse.SIGNING, "a".repeat(64),
			Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

	private static final CertificateEntry NEW = new CertificateEntry(CertificateUse.SIGNING, "b".repeat(64),
			Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-11-01T00:00:00Z"));

	@Test
	void aChangeThatRegistersOneCertificateAndWithdrawsAnotherIsAuditedOncePerCertificate() {
		ContactPoint germany = SeedDirectory.demo()
			.contactPoints()
			.stream()
			.filter((candidate) -> candidate.country().equals(DE))
			.findFirst()
			.orElseThrow();
		List<AuditEntry> changes = DirectoryEditor.certificateChanges("de.admin", DE,
				germany.withCertificates(List.of(OLD)), germany.withCertificates(List.of(NEW)), AT, "corr-1");
		assertThat(changes).extracting(AuditEntry::action, AuditEntry::digest)
			.containsExactly(tuple("REGISTER_CERTIFICATE", "sha-256:" + "b".repeat(64)),
					tuple("WITHDRAW_CERTIFICATE", "sha-256:" + "a".repeat(64)));
		assertThat(changes).allSatisfy((entry) -> {
			assertThat(entry.actor()).isEqualTo("de.admin");
			assertThat(entry.object()).isEqualTo("party/DE");
			assertThat(entry.parties()).containsExactly(DE);
			assertThat(entry.at()).isEqualTo(AT);
			assertThat(entry.correlationId()).isEqualTo("corr-1");
		});
		assertThat(changes.get(0).detail()).contains("SIGNING").contains("2027-11-01T00:00:00Z");
		assertThat(DirectoryEditor.certificateChanges("de.admin", DE, germany.withCertificates(List.of(OLD)),
				germany.withCertificates(List.of(OLD)), AT, "corr-2"))
			.as("an edit that leaves the certificates alone")
			.isEmpty();
	}

}
