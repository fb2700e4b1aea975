package org.vigil.cli;

/**
 * A command that could not do what it was asked: a document that does not verify, a file
 * that cannot be read, a PKI that would be overwritten. The message is one line that says
 * exactly what failed; the {@code vigil} command prints it on stderr and exits with
 * {@link Vigil#FAILED}.
 */
public class Failure extends RuntimeException {

	public Failure(String message) {
		super(message);
	}

	public Failure(String message, Throwable cause) {
		super(message, cause);
	}

}
