package org.vigil.notifier.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.vigil.directory.replica.DirectoryView;
import org.vigil.notifier.plan.DeliveryPlanner;
import org.vigil.notifier.plan.PlannedDelivery;
import org.vigil.notifier.plan.RulesSnapshot;
import org.vigil.notifier.plan.RulesSnapshots;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestClosed;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DeliveryUpdate;

/**
 * What one lifecycle event means for the messages owed. Safe to repeat: an event read
 * again after a crash plans the same messages, which the queue already holds.
 */
public class AlertHandler {

	private final DeliveryQueue queue;

	private final DeliveryLog deliveryLog;

	private final DirectoryView directory;

	private final RulesSnapshots rules;

	private final Clock clock;

	private final Set<ContactChannel> available;

	/**
	 * @param available the channels this network has configured
	 */
	public AlertHandler(DeliveryQueue queue, DeliveryLog deliveryLog, DirectoryView directory, RulesSnapshots rules,
			Clock clock, Set<ContactChannel> available) {
		this.queue = queue;
		this.deliveryLog = deliveryLog;
		this.directory = directory;
		this.rules = rules;
		this.clock = clock;
		this.available = Set.copyOf(available);
	}

	public void handle(RequestEvent event) {
		if (event instanceof OfficersAlerted alert) {
			// A new alert supersedes the earlier ones: their officers are no longer
			// paged.
			cancel(event.requestId(), alert.fence());
			if (!alert.deadline().isAfter(this.clock.instant())) {
				// Read long after it was written (a notifier that was down, or reads the
				// topic for the first time): the ladder has moved on since, and a later
				// alert, if any, pages whoever is paged now.
				return;
			}
			Set<OfficerId> pagedBefore = this.queue.ofRequest(alert.requestId())
				.stream()
				.map(DeliveryKey::officer)
				.collect(Collectors.toSet());
			// The request's rules are kept (at its first alert) before anything is
			// planned from them, so an alert read again plans from the same ones.
			RulesSnapshot rules = this.rules.of(alert, this.directory);
			List<PlannedDelivery> planned = DeliveryPlanner.plan(alert, this.directory, rules, pagedBefore,
					this.available);
			Instant now = this.clock.instant();
			for (PlannedDelivery delivery : planned) {
				// The record first: the index is rebuilt from it, never the other way.
				this.deliveryLog.append(new DeliveryUpdate(alert.requestId(), delivery.key(), DeliveryStatus.QUEUED,
						now, delivery.due(), alert.sequence(), null));
				this.queue.enqueue(delivery);
			}
		}
		else if (event instanceof RequestAcknowledged) {
			// The rules snapshot stays: an answer that does not come brings the
			// alert back.
			cancel(event.requestId(), -1);
		}
		else if (event instanceof RequestClosed) {
			cancel(event.requestId(), -1);
			this.rules.forget(event.requestId());
		}
	}

	private void cancel(RequestId requestId, long fenceBelow) {
		Instant now = this.clock.instant();
		for (DeliveryKey key : this.queue.cancel(requestId, fenceBelow)) {
			this.queue.find(key)
				.ifPresent((stored) -> this.deliveryLog.append(new DeliveryUpdate(requestId, key,
						DeliveryStatus.CANCELLED, now, stored.due(), stored.alertSequence(), null)));
		}
	}

}
