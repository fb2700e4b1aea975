package org.vigil.protocol.json;

/**
 * Bytes that are not a valid record of the expected type.
 */
public class UnreadableRecord extends RuntimeException {

	public UnreadableRecord(Class<?> type, Throwable cause) {
		super("not a valid " + type.getSimpleName() + ": " + cause.getMessage(), cause);
	}

}
