package org.vigil.directory.party;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigil.directory.policy.EscalationPolicy;
import org.vigil.directory.roster.Rotation;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

/**
 * A Party's 24/7 point of contact (Budapest Convention, Art. 35): who staffs it, who is
 * on call, and how an unacknowledged request escalates.
 *
 * @param country the Party
 * @param partyName the Party's name in English
 * @param authority the unit that serves as the contact point
 * @param zone the contact point's time zone; rosters are in its local wall-clock time
 * @param officers everyone who staffs it
 * @param rotation the on-call rotation
 * @param policy the escalation policy
 * @param certificates the certificates registered for it; empty if none
 */
public record ContactPoint(CountryCode country, String partyName, String authority, ZoneId zone, List<Officer> officers,
		Rotation rotation, EscalationPolicy policy, List<CertificateEntry> certificates) {

	public ContactPoint {
		Objects.requireNonNull(country, "country");
		Objects.requireNonNull(partyName, "partyName");
		Objects.requireNonNull(authority, "authority");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(rotation, "rotation");
		Objects.requireNonNull(policy, "policy");
		officers = List.copyOf(officers);
		certificates = (certificates != null) ? List.copyOf(certificates) : List.of();
		for (OfficerId onRota : rotation.officers()) {
			if (officers.stream().noneMatch((officer) -> officer.id().equals(onRota))) {
				throw new IllegalArgumentException(
						"rotation of " + country + " names " + onRota + ", who is not an officer of it");
			}
		}
	}

	public Optional<Officer> officer(OfficerId id) {
		return this.officers.stream().filter((officer) -> officer.id().equals(id)).findFirst();
	}

	/** Whether a certificate with this fingerprint is registered for this use. */
	public boolean registers(CertificateUse use, String sha256) {
		return this.certificates.stream()
			.anyMatch((certificate) -> certificate.use() == use && certificate.sha256().equals(sha256));
	}

	/** The same contact point with these certificates registered instead. */
	public ContactPoint withCertificates(List<CertificateEntry> registered) {
		return new ContactPoint(this.country, this.partyName, this.authority, this.zone, this.officers, this.rotation,
				this.policy, registered);
	}

	public List<OfficerId> withRole(Role role) {
		return this.officers.stream().filter((officer) -> officer.hasRole(role)).map(Officer::id).toList();
	}

}
