package org.vigil.gateway.problem;

/**
 * The person is logged in, but their role or country does not let them do this.
 */
public class NotAllowed extends RuntimeException {

	public NotAllowed(String message) {
		super(message);
	}

}
