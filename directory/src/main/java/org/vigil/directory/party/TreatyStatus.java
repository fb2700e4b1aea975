package org.vigil.directory.party;

/**
 * A State's standing with the Budapest Convention (ETS No. 185).
 */
public enum TreatyStatus {

	/** A signatory that has deposited its instrument of ratification: a Party. */
	RATIFIED,

	/** A non-signatory invited to accede that has deposited its instrument: a Party. */
	ACCEDED,

	/** Signed, not ratified: not yet a Party. */
	SIGNED,

	/** The directory entry predates this field, or nobody has filled it in. */
	NOT_RECORDED;

	public boolean isParty() {
		return this == RATIFIED || this == ACCEDED;
	}

}
