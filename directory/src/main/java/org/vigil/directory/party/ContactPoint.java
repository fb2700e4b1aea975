package org.vigil.directory.party;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigil.directory.policy.EscalationPolicy;
import org.vigil.directory.roster.Layer;
import org.vigil.directory.roster.RosterOverride;
import org.vigil.directory.roster.Rotation;
import org.vigil.directory.roster.Schedule;
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
 * @param rotation the base on-call rotation, under every layer: it covers all time
 * @param policy the escalation policy
 * @param certificates the certificates registered for it; empty if none
 * @param treaty the Party's standing with the Convention, reservations and preservation
 * period; {@link Treaty#notRecorded()} when absent
 * @param channels its 24/7 channels outside Vigil (phone, e-mail), as reference data;
 * empty if none recorded
 * @param languages the languages requests may be sent in, as BCP 47 tags; empty if none
 * recorded
 * @param officeHours when its office is staffed; null when not recorded
 * @param mlaAuthority who receives the mutual assistance request that must follow a
 * preservation; null when not recorded
 * @param lastVerified the day someone last checked this entry with the Party; null when
 * never
 * @param layers rotations stacked above the base rotation, lowest first; empty if none
 * @param overrides leave and swaps, in the order they apply; empty if none
 */
public record ContactPoint(CountryCode country, String partyName, String authority, ZoneId zone, List<Officer> officers,
		Rotation rotation, EscalationPolicy policy, List<CertificateEntry> certificates, Treaty treaty,
		List<Channel> channels, List<String> languages, OfficeHours officeHours, MlaAuthority mlaAuthority,
		LocalDate lastVerified, List<Layer> layers, List<RosterOverride> overrides) {

	public ContactPoint {
		Objects.requireNonNull(country, "country");
		Objects.requireNonNull(partyName, "partyName");
		Objects.requireNonNull(authority, "authority");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(rotation, "rotation");
		Objects.requireNonNull(policy, "policy");
		officers = List.copyOf(officers);
		certificates = (certificates != null) ? List.copyOf(certificates) : List.of();
		treaty = (treaty != null) ? treaty : Treaty.notRecorded();
		channels = (channels != null) ? List.copyOf(channels) : List.of();
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		layers = (layers != null) ? List.copyOf(layers) : List.of();
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
		List<OfficerId> named = new ArrayList<>(rotation.officers());
		layers.forEach((layer) -> named.addAll(layer.rotation().officers()));
		for (RosterOverride override : overrides) {
			named.add(override.by());
			if (override.replaces() != null) {
				named.add(override.replaces());
			}
		}
		named.addAll(policy.namedOfficers());
		for (OfficerId onRota : named) {
			if (officers.stream().noneMatch((officer) -> officer.id().equals(onRota))) {
				throw new IllegalArgumentException(
						"roster or policy of " + country + " names " + onRota + ", who is not an officer of it");
			}
		}
		long layerNames = layers.stream().map(Layer::name).distinct().count();
		if (layerNames != layers.size()) {
			throw new IllegalArgumentException("the layers of " + country + " have distinct names");
		}
	}

	/** An entry with only what the directory recorded before treaties and layers. */
	public ContactPoint(CountryCode country, String partyName, String authority, ZoneId zone, List<Officer> officers,
			Rotation rotation, EscalationPolicy policy, List<CertificateEntry> certificates) {
		this(country, partyName, authority, zone, officers, rotation, policy, certificates, null, null, null, null,
				null, null, null, null);
	}

	/** The whole roster: base rotation, layers and overrides, in this zone. */
	public Schedule schedule() {
		return new Schedule(this.zone, this.rotation, this.layers, this.overrides);
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
				this.policy, registered, this.treaty, this.channels, this.languages, this.officeHours,
				this.mlaAuthority, this.lastVerified, this.layers, this.overrides);
	}

	/** The same contact point with this officer's entry replaced (matched by id). */
	public ContactPoint withOfficer(Officer changed) {
		List<Officer> replaced = this.officers.stream()
			.map((officer) -> officer.id().equals(changed.id()) ? changed : officer)
			.toList();
		return new ContactPoint(this.country, this.partyName, this.authority, this.zone, replaced, this.rotation,
				this.policy, this.certificates, this.treaty, this.channels, this.languages, this.officeHours,
				this.mlaAuthority, this.lastVerified, this.layers, this.overrides);
	}

	/** The same contact point with this roster instead. */
	public ContactPoint withRoster(Rotation base, List<Layer> stacked, List<RosterOverride> changes) {
		return new ContactPoint(this.country, this.partyName, this.authority, this.zone, this.officers, base,
				this.policy, this.certificates, this.treaty, this.channels, this.languages, this.officeHours,
				this.mlaAuthority, this.lastVerified, stacked, changes);
	}

	/** The same contact point with this escalation policy instead. */
	public ContactPoint withPolicy(EscalationPolicy replacement) {
		return new ContactPoint(this.country, this.partyName, this.authority, this.zone, this.officers, this.rotation,
				replacement, this.certificates, this.treaty, this.channels, this.languages, this.officeHours,
				this.mlaAuthority, this.lastVerified, this.layers, this.overrides);
	}

	public List<OfficerId> withRole(Role role) {
		return this.officers.stream().filter((officer) -> officer.hasRole(role)).map(Officer::id).toList();
	}

}
