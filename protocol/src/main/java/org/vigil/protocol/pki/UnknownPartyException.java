package org.vigil.protocol.pki;

/**
 * A certificate that names no Vigil party, or more than one, or names one in a form that
 * is not allowed.
 */
public class UnknownPartyException extends RuntimeException {

	public UnknownPartyException(String message) {
		super(message);
	}

	public UnknownPartyException(String message, Throwable cause) {
		super(message, cause);
	}

}
