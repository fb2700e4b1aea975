package org.vigil.cli;

/**
 * The command line is wrong: a missing or unknown argument, a malformed value. The
 * {@code vigil} command prints the message and the usage of the command on stderr, and
 * exits with {@link Vigil#USAGE}.
 */
public class UsageException extends RuntimeException {

	private final String usage;

	public UsageException(String message, String usage) {
		super(message);
		this.usage = usage;
	}

	/** The usage text of the command that was misused. */
	public String usage() {
		return this.usage;
	}

}
