package org.vigil.gateway.problem;

/**
 * A submission reused the id of a request the network already holds.
 */
public class RequestIdTaken extends RuntimeException {

	public RequestIdTaken(String id) {
		super("The network already holds a request with id '" + id + "'; choose another id");
	}

}
