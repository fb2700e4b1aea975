package org.vigil.protocol.canonical;

/**
 * Input that has no RFC 8785 canonical form: it is not strict JSON, not valid UTF-8, not
 * within I-JSON (RFC 7493), or beyond the size and nesting limits of
 * {@link CanonicalJson}. The message says what is wrong and, where it can, at which byte.
 */
public class NotCanonicalizable extends RuntimeException {

	public NotCanonicalizable(String message) {
		super(message);
	}

}
