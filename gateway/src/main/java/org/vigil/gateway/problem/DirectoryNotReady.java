package org.vigil.gateway.problem;

/**
 * This gateway's replica of the directory has not read the network settings or any
 * contact point yet, so it cannot answer for the directory; another try in a few seconds
 * may succeed.
 */
public class DirectoryNotReady extends RuntimeException {

	public DirectoryNotReady(String message) {
		super(message);
	}

}
