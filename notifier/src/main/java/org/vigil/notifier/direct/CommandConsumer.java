package org.vigil.notifier.direct;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.vigil.notifier.NotifierConsumers;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DirectMessage;

/**
 * One thread that reads {@link Topics#NOTIFIER_COMMANDS} in a consumer group shared by
 * all notifier instances and hands each command to the {@link DirectSender}, committing
 * after each: a crash between the send and the commit sends the message again, with the
 * same idempotency key. A group new to the topic starts at its beginning (the topic keeps
 * a day): a command older than its expiry is recorded as failed, not sent.
 */
public class CommandConsumer implements Runnable, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final Map<String, Object> config;

	private final DirectSender sender;

	private volatile boolean running = true;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private Thread thread;

	public CommandConsumer(String bootstrapServers, String group, DirectSender sender, Duration sessionTimeout) {
		this.config = NotifierConsumers.config(bootstrapServers, group, 10, sessionTimeout);
		this.sender = sender;
	}

	@Override
	public void run() {
		try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = kafka;
			kafka.subscribe(Set.of(Topics.NOTIFIER_COMMANDS));
			while (this.running) {
				ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
				for (ConsumerRecord<String, byte[]> record : records) {
					handle(record);
				}
				if (!records.isEmpty()) {
					kafka.commitSync();
				}
			}
		}
		catch (WakeupException ex) {
			// stop() woke the consumer: nothing to do.
		}
	}

	private void handle(ConsumerRecord<String, byte[]> record) {
		DirectMessage message;
		try {
			message = WireJson.read(record.value(), DirectMessage.class);
		}
		catch (UnreadableRecord | IllegalArgumentException ex) {
			log.error("Skipping unreadable command at {}-{}@{}", record.topic(), record.partition(), record.offset(),
					ex);
			return;
		}
		for (int attempt = 1;; attempt++) {
			try {
				this.sender.send(message);
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == 3 || !this.running) {
					// A code is worth minutes: the officer asks again rather than wait.
					log.error("Could not send or record direct message {}; giving up", message.id(), ex);
					return;
				}
				log.warn("Could not send or record direct message {}; trying again", message.id(), ex);
				try {
					Thread.sleep(RETRY.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public synchronized void start() {
		if (this.thread != null) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this, "notifier-commands");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public boolean isRunning() {
		return this.thread != null && this.running;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

}
