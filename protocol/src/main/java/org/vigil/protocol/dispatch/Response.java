package org.vigil.protocol.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * The requested Party's answer to a request.
 *
 * @param kind what the answer is
 * @param preservedUntil for {@link ResponseKind#PRESERVED}: until when the data is kept;
 * null to let the dispatcher apply the requested Party's preservation period. Always null
 * for the other kinds.
 * @param note the reason of a refusal, the information needed, or a reference; required
 * for {@link ResponseKind#REFUSED} and {@link ResponseKind#NEEDS_INFORMATION}, because
 * the requester cannot act on a bare "no" or "more please"
 */
public record Response(ResponseKind kind, Instant preservedUntil, String note) {

	/** Long enough for a reason or a question, short enough to stay metadata. */
	public static final int MAX_NOTE_LENGTH = 2000;

	public Response {
		Objects.requireNonNull(kind, "kind");
		if (preservedUntil != null && kind != ResponseKind.PRESERVED) {
			throw new IllegalArgumentException("only a PRESERVED response has a preservation date");
		}
		if (note != null && note.isBlank()) {
			note = null;
		}
		if (note == null && (kind == ResponseKind.REFUSED || kind == ResponseKind.NEEDS_INFORMATION)) {
			throw new IllegalArgumentException("a " + kind + " response says why");
		}
		if (note != null && note.length() > MAX_NOTE_LENGTH) {
			throw new IllegalArgumentException("a response note has at most " + MAX_NOTE_LENGTH + " characters");
		}
	}

}
