package org.vigil.audit.checkpoint;

/**
 * A signed note, checkpoint or key was refused: malformed, not signed by the expected
 * key, or its signature does not verify. The message says which and why.
 */
public class NoteRejected extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NoteRejected(String message) {
		super(message);
	}

	public NoteRejected(String message, Throwable cause) {
		super(message, cause);
	}

}
