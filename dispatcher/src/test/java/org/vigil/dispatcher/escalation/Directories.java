package org.vigil.dispatcher.escalation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.EscalationPolicy;
import org.vigil.directory.policy.EscalationStep;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.roster.Rotation;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

/** Fixed directories for ladder tests. */
final class Directories {

	static final OfficerId COORDINATOR = OfficerId.of("net.coordinator");

	private Directories() {
	}

	/**
	 * Germany with a daily rotation of the given officers, handing off at 08:00 Berlin
	 * time.
	 */
	static DirectoryView germanyWithRotation(String... onRota) {
		List<OfficerId> rota = Arrays.stream(onRota).map(OfficerId::of).toList();
		List<Officer> officers = rota.stream()
			.map((id) -> new Officer(id, id.value(), Set.of(Role.OFFICER), List.of("de")))
			.toList();
		ContactPoint germany = new ContactPoint(CountryCode.of("DE"), "Germany", "BKA", ZoneId.of("Europe/Berlin"),
				officers, new Rotation("duty", rota, LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), 1),
				new EscalationPolicy(7, List.of(new EscalationStep(StepTarget.PRIMARY_ON_CALL, Map.of()),
						new EscalationStep(StepTarget.SECONDARY_ON_CALL, Map.of()))),
				List.of());
		NetworkSettings network = new NetworkSettings(
				List.of(new Officer(COORDINATOR, "Coordinator", Set.of(Role.COORDINATOR), List.of("en"))), Map.of());
		return new DirectoryView() {

			@Override
			public Optional<ContactPoint> contactPoint(CountryCode country) {
				return country.equals(germany.country()) ? Optional.of(germany) : Optional.empty();
			}

			@Override
			public Collection<ContactPoint> contactPoints() {
				return List.of(germany);
			}

			@Override
			public Optional<NetworkSettings> network() {
				return Optional.of(network);
			}

		};
	}

}
