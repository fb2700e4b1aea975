package org.vigil.gateway.problem;

import java.io.IOException;

/**
 * A request body went past {@code vigil.gateway.max-request-bytes} while it was read (a
 * body sent without a length). An {@link IOException}, because it is the reading that
 * fails; the gateway answers 413.
 */
public class RequestTooLarge extends IOException {

	private static final long serialVersionUID = 1L;

	public RequestTooLarge(long maxBytes) {
		super("A request body may have at most " + maxBytes + " bytes");
	}

}
