package org.vigil.notifier.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.vigil.directory.notification.NotificationRule;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;

/**
 * The messages an alert owes: for every officer paged, one per rule of the alert's
 * urgency whose channel the network offers and the officer has a verified address for,
 * due at the alert's time plus the rule's delay. The rules are the request's
 * {@link RulesSnapshot} (as they were at its first alert), as an open request's ladder
 * keeps the policy as it was at routing; an officer's verified addresses are read from
 * the directory as it is now.
 */
public final class DeliveryPlanner {

	private DeliveryPlanner() {
	}

	/**
	 * Plans with the rules as they are now, as for a request's first alert.
	 */
	public static List<PlannedDelivery> plan(OfficersAlerted alert, DirectoryView directory, Set<OfficerId> pagedBefore,
			Set<ContactChannel> available) {
		return plan(alert, directory, RulesSnapshot.none(alert.at()), pagedBefore, available);
	}

	/**
	 * @param alert the alert
	 * @param directory the directory as the notifier sees it now
	 * @param rules the request's rules; an officer not in them is planned with their
	 * rules as they are now
	 * @param pagedBefore officers already paged for this request by an earlier alert,
	 * whose messages are re-pages
	 * @param available the channels this network has configured; rules for others are
	 * passed over
	 * @return the messages, ordered by officer and then by due time; empty for an officer
	 * the directory does not know or who has no verified address for any rule
	 */
	public static List<PlannedDelivery> plan(OfficersAlerted alert, DirectoryView directory, RulesSnapshot rules,
			Set<OfficerId> pagedBefore, Set<ContactChannel> available) {
		List<PlannedDelivery> planned = new ArrayList<>();
		for (OfficerId id : alert.officers()) {
			Optional<Officer> found = officer(id, alert.to(), directory);
			if (found.isEmpty()) {
				continue;
			}
			Officer officer = found.get();
			Priority priority = pagedBefore.contains(id) ? Priority.REPAGE : Priority.FIRST_PAGE;
			int order = 0;
			for (NotificationRule rule : rules.rulesOf(officer).forUrgency(alert.urgency())) {
				if (!available.contains(rule.channel()) || officer.verifiedContact(rule.channel()).isEmpty()) {
					continue;
				}
				planned.add(new PlannedDelivery(
						new DeliveryKey(alert.requestId(), alert.step(), alert.fence(), id, rule.channel()),
						alert.at().plus(rule.after()), order++, alert.urgency(), alert.from(), alert.to(),
						alert.fence(), alert.sequence(), priority, Boolean.TRUE.equals(alert.drill())));
			}
		}
		return planned;
	}

	/**
	 * An officer of the requested Party, or a network coordinator (paged when a ladder is
	 * exhausted).
	 */
	public static Optional<Officer> officer(OfficerId id, CountryCode to, DirectoryView directory) {
		Stream<Officer> ofParty = directory.contactPoint(to).map(ContactPoint::officers).stream().flatMap(List::stream);
		Stream<Officer> coordinators = directory.network()
			.map(NetworkSettings::coordinators)
			.stream()
			.flatMap(List::stream);
		return Stream.concat(ofParty, coordinators).filter((officer) -> officer.id().equals(id)).findFirst();
	}

}
