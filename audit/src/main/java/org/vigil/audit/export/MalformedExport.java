package org.vigil.audit.export;

/** A line of an export that cannot be read. */
public class MalformedExport extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int line;

	public MalformedExport(int line, String message) {
		super("line " + line + ": " + message);
		this.line = line;
	}

	/** The line's number, from 1. */
	public int line() {
		return this.line;
	}

}
