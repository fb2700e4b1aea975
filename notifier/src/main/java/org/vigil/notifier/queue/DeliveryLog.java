package org.vigil.notifier.queue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DeliveryUpdate;

/**
 * Writes delivery updates to {@link Topics#NOTIFICATIONS} and waits until Kafka has them
 * ({@code acks=all}, idempotent producer), so that what the notifier does next (index a
 * message, commit the alert it came from) never runs ahead of the record.
 */
public class DeliveryLog {

	private final Producer<String, byte[]> producer;

	private final Duration timeout;

	public DeliveryLog(Producer<String, byte[]> producer, Duration timeout) {
		this.producer = producer;
		this.timeout = timeout;
	}

	/**
	 * @throws IllegalStateException if Kafka did not confirm in time; the caller retries
	 * (its input is not committed)
	 */
	public void append(DeliveryUpdate update) {
		try {
			this.producer
				.send(new ProducerRecord<>(Topics.NOTIFICATIONS, update.requestId().value(), WireJson.write(update)))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not confirm a delivery update within " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing a delivery update", ex);
		}
	}

}
