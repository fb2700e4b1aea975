package org.vigil.notifier.plan;

/**
 * Which messages go first when a provider's rate limit leaves room for only some: an
 * officer's first page of a request never waits behind a re-page or status traffic.
 */
public enum Priority {

	/** The first time this officer is paged for this request. */
	FIRST_PAGE,

	/** The officer was paged for this request before (a coordinator re-paged). */
	REPAGE,

	/** Anything else: test sends, verification codes. */
	STATUS;

	public int rank() {
		return ordinal();
	}

}
