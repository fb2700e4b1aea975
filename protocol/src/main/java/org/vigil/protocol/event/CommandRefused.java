package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The dispatcher did not apply a command, and says why. The gateway checks the same rules
 * first; this is the record for a command that got past it (an older gateway, a race with
 * another command, or a national system writing to Kafka directly).
 *
 * @param by who sent the command
 * @param command the command's type
 * @param reason why it was refused
 */
public record CommandRefused(RequestId requestId, long sequence, Instant at, OfficerId by, String command,
		String reason) implements RequestEvent {

	public CommandRefused {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(reason, "reason");
	}

}
