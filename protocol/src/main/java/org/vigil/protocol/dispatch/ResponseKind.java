package org.vigil.protocol.dispatch;

/**
 * How the requested Party answered a request it acknowledged.
 */
public enum ResponseKind {

	/**
	 * The data is preserved (Art. 29(3)) until a date; the requester must follow up with
	 * a mutual-assistance request before then (Art. 29(7)).
	 */
	PRESERVED,

	/** Traffic data was disclosed (Art. 30) or the data otherwise handed over. */
	DISCLOSED,

	/** The requested Party will not act, for the reason it gives (Art. 29(5)). */
	REFUSED,

	/** The requested Party needs more from the requester before it can act. */
	NEEDS_INFORMATION;

	/** Whether this answer ends the request's life in the network. */
	public boolean closes() {
		return this == DISCLOSED || this == REFUSED;
	}

}
