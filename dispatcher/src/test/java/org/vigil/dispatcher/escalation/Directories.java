package org.vigil.dispatcher.escalation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
	 * Germany with a daily rotation of de.a, de.b and de.c handing off at 08:00 Berlin
	 * time, two supervisors, and a three-step policy (primary, secondary, supervisors);
	 * France with a requester.
	 */
	static DirectoryView germanyAndFrance() {
		List<OfficerId> rota = List.of(OfficerId.of("de.a"), OfficerId.of("de.b"), OfficerId.of("de.c"));
		List<Officer> officers = new ArrayList<>(
				rota.stream().map((id) -> new Officer(id, id.value(), Set.of(Role.OFFICER), List.of("de"))).toList());
		officers.add(new Officer(OfficerId.of("de.chief"), "Chief", Set.of(Role.SUPERVISOR), List.of("de")));
		officers.add(new Officer(OfficerId.of("de.deputy"), "Deputy", Set.of(Role.SUPERVISOR), List.of("de")));
		officers.add(new Officer(OfficerId.of("de.auditor"), "Auditor", Set.of(Role.AUDITOR), List.of("de")));
		ContactPoint germany = new ContactPoint(CountryCode.of("DE"), "Germany", "BKA", ZoneId.of("Europe/Berlin"),
				officers, new Rotation("duty", rota, LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), 1),
				new EscalationPolicy(9,
						List.of(new EscalationStep(StepTarget.PRIMARY_ON_CALL, Map.of()),
								new EscalationStep(StepTarget.SECONDARY_ON_CALL, Map.of()),
								new EscalationStep(StepTarget.SUPERVISORS, Map.of()))),
				List.of());
		OfficerId frOfficer = OfficerId.of("fr.officer");
		ContactPoint france = new ContactPoint(CountryCode.of("FR"), "France", "OFAC", ZoneId.of("Europe/Paris"),
				List.of(new Officer(frOfficer, "Officer", Set.of(Role.OFFICER), List.of("fr")),
						new Officer(OfficerId.of("fr.requester"), "Requester", Set.of(Role.REQUESTER), List.of("fr"))),
				new Rotation("duty", List.of(frOfficer), LocalDate.of(2026, 1, 5), LocalTime.of(8, 0), 1),
				new EscalationPolicy(1, List.of(new EscalationStep(StepTarget.PRIMARY_ON_CALL, Map.of()))), List.of());
		return view(List.of(germany, france));
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
		return view(List.of(germany));
	}

	/** A directory with one contact point replaced. */
	static DirectoryView with(DirectoryView directory, ContactPoint replacement) {
		List<ContactPoint> contactPoints = new ArrayList<>(directory.contactPoints());
		contactPoints.removeIf((cp) -> cp.country().equals(replacement.country()));
		contactPoints.add(replacement);
		return view(contactPoints);
	}

	private static DirectoryView view(List<ContactPoint> contactPoints) {
		NetworkSettings network = new NetworkSettings(
				List.of(new Officer(COORDINATOR, "Coordinator", Set.of(Role.COORDINATOR), List.of("en"))), Map.of());
		return new DirectoryView() {

			@Override
			public Optional<ContactPoint> contactPoint(CountryCode country) {
				return contactPoints.stream().filter((cp) -> cp.country().equals(country)).findFirst();
			}

			@Override
			public Collection<ContactPoint> contactPoints() {
				return contactPoints;
			}

			@Override
			public Optional<NetworkSettings> network() {
				return Optional.of(network);
			}

		};
	}

}
