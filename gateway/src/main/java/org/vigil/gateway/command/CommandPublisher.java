package org.vigil.gateway.command;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.gateway.audit.CommandAudit;
import org.vigil.gateway.problem.NetworkUnavailable;
import org.vigil.protocol.Topics;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.json.WireJson;

/**
 * Writes a command to {@link Topics#REQUESTS} and returns only once every in-sync replica
 * has it ({@code acks=all}, idempotent producer). Until this returns, nothing has been
 * accepted: a caller that gets {@link NetworkUnavailable} must tell the sender to try
 * again.
 */
public class CommandPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final Duration timeout;

	private final AuditTrail audit;

	public CommandPublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout, AuditTrail audit) {
		this.kafka = kafka;
		this.timeout = timeout;
		this.audit = audit;
	}

	/**
	 * @throws NetworkUnavailable if Kafka did not confirm the write in time
	 */
	public void publish(DispatchCommand command) {
		try {
			this.kafka.send(Topics.REQUESTS, command.requestId().value(), WireJson.write(command))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			// Only once Kafka holds the command: the audit log records what the network
			// accepted, not what someone tried.
			this.audit.record(CommandAudit.of(command));
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new NetworkUnavailable("Kafka did not confirm the write within " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NetworkUnavailable("Interrupted while waiting for Kafka", ex);
		}
	}

}
