package org.vigil.gateway.problem;

/**
 * No request with that id that this person may see. The same answer for "does not exist"
 * and "not yours", so that nobody learns of another country's requests by guessing ids.
 */
public class RequestNotFound extends RuntimeException {

	public RequestNotFound(String id) {
		super("No request '" + id + "' that you may see");
	}

}
