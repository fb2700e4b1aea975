package org.vigil.notifier.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.notifier.channel.Channel;
import org.vigil.notifier.channel.MessageComposer;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.notifier.channel.SendOutcome;
import org.vigil.notifier.plan.DeliveryPlanner;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.notifier.queue.StoredDelivery;
import org.vigil.notifier.reply.ReplyCodes;
import org.vigil.protocol.notification.AckLink;
import org.vigil.protocol.notification.AckTokens;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DeliveryUpdate;

/**
 * Sends what is due. Every {@link #tick()} it first fails the messages whose delivery
 * receipt is overdue, then claims due messages (first pages first) and hands each to its
 * channel on the send pool, within the channel's rate limit.
 *
 * <p>
 * Every outcome is written to {@code vigil.notifications} <em>before</em> the queue
 * records it: a crash in between sends the message again (its lease runs out), never
 * loses it. A failure, whether the provider refused, was unreachable, reported the
 * message undelivered or sent no receipt in time, brings the officer's next channel for
 * that step forward to now.
 */
public class Sender {

	private static final Logger log = LoggerFactory.getLogger(Sender.class);

	private final DeliveryQueue queue;

	private final DeliveryLog deliveryLog;

	private final Map<ContactChannel, Channel> channels;

	private final RateLimits limits;

	private final DirectoryView directory;

	private final AckTokens tokens;

	private final Settings settings;

	private final Clock clock;

	private final ExecutorService pool;

	private volatile ReplyCodes replyCodes;

	/**
	 * What the sender needs to know of the configuration.
	 *
	 * @param lease how long a claimed message may go without an outcome
	 * @param receiptWithin how long a message may wait for its delivery receipt
	 * @param batch the most messages claimed per tick
	 * @param linkValidity how long an acknowledgement link works
	 * @param ackUrl the acknowledgement page, to which {@code ?t=<token>} is added
	 * @param consoleUrl the console
	 */
	public record Settings(Duration lease, Duration receiptWithin, int batch, Duration linkValidity, String ackUrl,
			String consoleUrl) {
	}

	public Sender(DeliveryQueue queue, DeliveryLog deliveryLog, Map<ContactChannel, Channel> channels,
			RateLimits limits, DirectoryView directory, AckTokens tokens, Settings settings, Clock clock,
			ExecutorService pool) {
		this.queue = queue;
		this.deliveryLog = deliveryLog;
		this.channels = Map.copyOf(channels);
		this.limits = limits;
		this.directory = directory;
		this.tokens = tokens;
		this.settings = settings;
		this.clock = clock;
		this.pool = pool;
	}

	/**
	 * Gives every SMS page a reply code that acknowledges like its link; without, texts
	 * carry the link only.
	 */
	public void replyCodes(ReplyCodes codes) {
		this.replyCodes = codes;
	}

	/** The channels this sender has. */
	public Set<ContactChannel> channels() {
		return this.channels.keySet();
	}

	/**
	 * The channel configured for a kind of contact method, for messages that belong to no
	 * request.
	 * @return null if the network has not configured it
	 */
	public Channel channel(ContactChannel kind) {
		return this.channels.get(kind);
	}

	/** The rate limits every message of this instance shares. */
	public RateLimits limits() {
		return this.limits;
	}

	/** One round: overdue receipts, then due messages. */
	public void tick() {
		Instant now = this.clock.instant();
		for (DeliveryKey key : this.queue.takeUnconfirmed(now, this.settings.batch())) {
			this.queue.find(key)
				.filter((stored) -> stored.status() == DeliveryStatus.SENT)
				.ifPresent((stored) -> fail(stored,
						"no delivery receipt within " + this.settings.receiptWithin().toSeconds() + " s"));
		}
		List<DeliveryKey> claimed = this.queue.claim(now, this.settings.lease(), this.settings.batch());
		for (DeliveryKey key : claimed) {
			Optional<StoredDelivery> found = this.queue.find(key);
			if (found.isEmpty() || found.get().status() != DeliveryStatus.QUEUED) {
				// Cancelled after it fell due: end its lease, send nothing.
				this.queue.mark(key, DeliveryStatus.CANCELLED, null, null);
				continue;
			}
			StoredDelivery stored = found.get();
			if (!this.limits.tryAcquire(key.channel(), stored.priority())) {
				this.queue.release(key, now.plus(this.limits.retryAfter(key.channel())));
				continue;
			}
			try {
				this.pool.execute(() -> send(stored));
			}
			catch (RejectedExecutionException ex) {
				// Shutting down: the lease runs out and the next instance sends it.
				return;
			}
		}
	}

	/** Sends one claimed message and records the outcome. */
	void send(StoredDelivery stored) {
		DeliveryKey key = stored.key();
		try {
			Channel channel = this.channels.get(key.channel());
			if (channel == null) {
				fail(stored, key.channel().words() + " is not configured on this network");
				return;
			}
			Optional<ContactMethod> contact = officer(stored)
				.flatMap((officer) -> officer.verifiedContact(key.channel()));
			if (contact.isEmpty()) {
				fail(stored, key.officer() + " has no verified " + key.channel().words() + " address any more");
				return;
			}
			Instant now = this.clock.instant();
			AckLink link = AckTokens.link(key.requestId(), key.officer(), key.step(), key.channel(), now,
					this.settings.linkValidity());
			String token = this.tokens.sign(link);
			String ackUrl = this.settings.ackUrl() + "?t=" + token;
			String text = MessageComposer.text(stored, key.channel(), ackUrl, this.settings.consoleUrl());
			ReplyCodes replies = this.replyCodes;
			if (key.channel() == ContactChannel.SMS && replies != null) {
				Optional<String> code = replies.issue(contact.get().address(), token, this.settings.linkValidity());
				if (code.isPresent()) {
					text = text + " Or reply " + code.get() + ".";
				}
			}
			OutgoingMessage message = new OutgoingMessage(key, contact.get().address(), MessageComposer.subject(stored),
					text, ackUrl, stored.urgency(), stored.from(), contact.get().push());
			SendOutcome outcome = channel.send(message);
			if (!outcome.accepted()) {
				fail(stored, outcome.detail());
				return;
			}
			Instant sentAt = this.clock.instant();
			this.deliveryLog.append(update(stored, DeliveryStatus.SENT, sentAt, outcome.detail()));
			this.queue.mark(key, DeliveryStatus.SENT,
					channel.hasReceipts() ? sentAt.plus(this.settings.receiptWithin()) : null, outcome.detail());
		}
		catch (RuntimeException ex) {
			// Kafka or Redis failed: leave the lease to run out, and the message is sent
			// again.
			log.error("Could not send or record {}; it is sent again when its lease runs out", key, ex);
		}
	}

	/**
	 * A delivery receipt from a provider.
	 * @return whether it changed anything (a repeated or late receipt does not)
	 */
	public boolean receipt(DeliveryKey key, DeliveryStatus status, String detail) {
		if (status != DeliveryStatus.DELIVERED && status != DeliveryStatus.FAILED) {
			throw new IllegalArgumentException("a receipt says DELIVERED or FAILED, not " + status);
		}
		Optional<StoredDelivery> found = this.queue.find(key);
		if (found.isEmpty() || found.get().status().isFinal()) {
			return false;
		}
		if (status == DeliveryStatus.FAILED) {
			fail(found.get(), (detail != null) ? detail : "the provider reported it undelivered");
			return true;
		}
		this.deliveryLog.append(update(found.get(), DeliveryStatus.DELIVERED, this.clock.instant(), detail));
		return this.queue.mark(key, DeliveryStatus.DELIVERED, null, detail);
	}

	private void fail(StoredDelivery stored, String why) {
		Instant now = this.clock.instant();
		this.deliveryLog.append(update(stored, DeliveryStatus.FAILED, now, why));
		this.queue.mark(stored.key(), DeliveryStatus.FAILED, null, why);
		this.queue.advanceNext(stored.key(), now)
			.ifPresent((next) -> log.info("{} failed ({}); {} goes now", stored.key(), why, next));
	}

	private Optional<Officer> officer(StoredDelivery stored) {
		return DeliveryPlanner.officer(stored.key().officer(), stored.to(), this.directory);
	}

	private static DeliveryUpdate update(StoredDelivery stored, DeliveryStatus status, Instant at, String detail) {
		return new DeliveryUpdate(stored.key().requestId(), stored.key(), status, at, stored.due(),
				stored.alertSequence(), detail);
	}

}
