package org.vigil.notifier.direct;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.notifier.channel.Channel;
import org.vigil.notifier.channel.OutgoingMessage;
import org.vigil.notifier.channel.SendOutcome;
import org.vigil.notifier.plan.Priority;
import org.vigil.notifier.sending.Sender;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DeliveryStatus;
import org.vigil.protocol.notification.DirectMessage;
import org.vigil.protocol.notification.DirectMessageUpdate;

/**
 * Sends one {@link DirectMessage} at once, by the channels and rate limits of the
 * {@link Sender}, at {@link Priority#STATUS}: a code never takes a token a first page
 * needs. The fate goes to {@link Topics#DIRECT_MESSAGES}. Unlike a page, a direct message
 * is not retried or handed to another channel: the officer who asked sees it fail and
 * asks again.
 */
public class DirectSender {

	private static final Logger log = LoggerFactory.getLogger(DirectSender.class);

	private final Sender sender;

	private final Producer<String, byte[]> producer;

	private final Duration timeout;

	private final Clock clock;

	public DirectSender(Sender sender, Producer<String, byte[]> producer, Duration timeout, Clock clock) {
		this.sender = sender;
		this.producer = producer;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Sends it, or records why not.
	 * @throws IllegalStateException if Kafka did not take the outcome (the command is
	 * read again, and the provider gets the same idempotency key)
	 */
	public void send(DirectMessage message) {
		Instant now = this.clock.instant();
		if (now.isAfter(message.expiresAt())) {
			record(message.id(), message.officer(), DeliveryStatus.FAILED, "expired before it could be sent");
			return;
		}
		Channel channel = this.sender.channel(message.channel());
		if (channel == null) {
			record(message.id(), message.officer(), DeliveryStatus.FAILED,
					message.channel().words() + " is not configured on this network");
			return;
		}
		if (!this.sender.limits().tryAcquire(message.channel(), Priority.STATUS)) {
			record(message.id(), message.officer(), DeliveryStatus.FAILED,
					"the network is busy sending pages by " + message.channel().words() + "; try again in a minute");
			return;
		}
		SendOutcome outcome = channel.send(new OutgoingMessage(message.reference(), message.address(),
				(message.purpose() == DirectMessage.Purpose.TEST) ? "[Vigil] Test message" : "[Vigil] Your code",
				message.text(), null));
		if (!outcome.accepted()) {
			record(message.id(), message.officer(), DeliveryStatus.FAILED, outcome.detail());
			return;
		}
		// E-mail says no more than that the relay took it; a provider reports delivery.
		record(message.id(), message.officer(), DeliveryStatus.SENT, channel.hasReceipts() ? null : "no receipts");
	}

	/**
	 * A provider's receipt for a direct message.
	 * @param reference {@code direct/<officer>/<id>}
	 * @return false if the reference is not a direct message's
	 */
	public boolean receipt(String reference, DeliveryStatus status, String detail) {
		if (reference == null || !reference.startsWith(DirectMessage.REFERENCE_PREFIX)) {
			return false;
		}
		String[] parts = reference.substring(DirectMessage.REFERENCE_PREFIX.length()).split("/", -1);
		if (parts.length != 2) {
			return false;
		}
		record(parts[1], OfficerId.of(parts[0]), status, detail);
		return true;
	}

	private void record(String id, OfficerId officer, DeliveryStatus status, String detail) {
		DirectMessageUpdate update = new DirectMessageUpdate(id, officer, status, this.clock.instant(), detail);
		try {
			this.producer.send(new ProducerRecord<>(Topics.DIRECT_MESSAGES, officer.value(), WireJson.write(update)))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not confirm a direct message's fate within " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing a direct message's fate", ex);
		}
		log.info("Direct message {} to {}: {}", id, officer, status);
	}

}
