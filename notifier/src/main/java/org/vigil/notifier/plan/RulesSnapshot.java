package org.vigil.notifier.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigil.directory.notification.NotificationRules;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;

/**
 * The notification rules of everyone a request may page, as they were when its first
 * alert was planned: every officer of the receiving contact point and every network
 * coordinator (paged once a ladder is exhausted), each with their own rules or, without,
 * their roles' defaults as resolved then. Rules only: the addresses are looked up when a
 * message is sent.
 *
 * @param takenAt when it was taken, for a log line
 * @param rules by officer id
 */
public record RulesSnapshot(Instant takenAt, Map<String, NotificationRules> rules) {

	public RulesSnapshot {
		Objects.requireNonNull(takenAt, "takenAt");
		rules = Map.copyOf(rules);
	}

	/**
	 * The rules of everyone a request to {@code to} may page, as the directory has them
	 * now.
	 */
	public static RulesSnapshot take(CountryCode to, DirectoryView directory, Instant now) {
		Map<String, NotificationRules> rules = new LinkedHashMap<>();
		// The Party's officers first, as DeliveryPlanner.officer looks them up.
		directory.contactPoint(to)
			.map(ContactPoint::officers)
			.orElse(List.of())
			.forEach((officer) -> rules.putIfAbsent(officer.id().value(), officer.effectiveNotifications()));
		directory.network()
			.map(NetworkSettings::coordinators)
			.orElse(List.of())
			.forEach((officer) -> rules.putIfAbsent(officer.id().value(), officer.effectiveNotifications()));
		return new RulesSnapshot(now, rules);
	}

	/** Nothing kept: every officer is planned with their rules as they are now. */
	public static RulesSnapshot none(Instant now) {
		return new RulesSnapshot(now, Map.of());
	}

	/**
	 * The rules an officer is paged by: as snapshotted, or, for someone who was not in
	 * the snapshot (added to the Party since), as they are now.
	 */
	public NotificationRules rulesOf(Officer officer) {
		NotificationRules kept = this.rules.get(officer.id().value());
		return (kept != null) ? kept : officer.effectiveNotifications();
	}

}
