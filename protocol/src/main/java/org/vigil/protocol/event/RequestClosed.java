package org.vigil.protocol.event;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.RequestId;

/**
 * The request's life in the network ended: nothing more is owed on it.
 *
 * @param outcome why it ended
 */
public record RequestClosed(RequestId requestId, long sequence, Instant at, Outcome outcome) implements RequestEvent {

	public RequestClosed {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(outcome, "outcome");
	}

	/** Why a request closed. */
	public enum Outcome {

		/** The requested Party disclosed the data. */
		DISCLOSED,

		/** The requested Party refused. */
		REFUSED,

		/**
		 * The preservation period ran out; a mutual-assistance request, if one came,
		 * follows its own channel.
		 */
		PRESERVATION_LAPSED,

		/** A reachability drill: someone of the drilled Party acknowledged it. */
		DRILL_ACKNOWLEDGED,

		/**
		 * A reachability drill: every step of the drilled Party's ladder passed without
		 * an acknowledgement. The network coordinator is not woken for a drill.
		 */
		DRILL_FAILED

	}

}
