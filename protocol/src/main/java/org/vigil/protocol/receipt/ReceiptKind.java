package org.vigil.protocol.receipt;

/**
 * The steps a sender gets a receipt for, mirroring e-CODEX: accepted by the network,
 * delivered to a person, acknowledged by a named officer, and answered.
 */
public enum ReceiptKind {

	/** The network holds the request and will route it. */
	ACCEPTED,

	/** A paged officer's console showed the alert. */
	DELIVERED,

	/** A named officer of the requested Party took charge. */
	ACKNOWLEDGED,

	/**
	 * The requested Party's first answer: preserved until a date, disclosed, refused or
	 * more information needed.
	 */
	RESPONDED

}
