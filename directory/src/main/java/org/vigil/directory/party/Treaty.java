package org.vigil.directory.party;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Where a Party stands with the Budapest Convention, and what it reserved.
 *
 * @param status ratified, acceded, signed only, or not recorded
 * @param since the date of the deposit of the instrument of ratification or accession, or
 * of the signature; null when the directory does not record it
 * @param dualCriminalityReservation whether the Party reserved the right to refuse
 * preservation where it expects dual criminality not to be met at the time of disclosure
 * (Art. 29(4)); false when not recorded
 * @param declarations other reservations and declarations, as free text; never null
 * @param preservationDays how long the Party preserves data on a request before the
 * mutual assistance request must arrive; at least the Convention's 60 days (Art. 29(7))
 */
public record Treaty(TreatyStatus status, LocalDate since, Boolean dualCriminalityReservation,
		List<String> declarations, Integer preservationDays) {

	/** The Convention's minimum preservation period, Art. 29(7). */
	public static final int MINIMUM_PRESERVATION_DAYS = 60;

	public Treaty {
		status = (status != null) ? status : TreatyStatus.NOT_RECORDED;
		dualCriminalityReservation = Boolean.TRUE.equals(dualCriminalityReservation);
		declarations = (declarations != null) ? List.copyOf(declarations) : List.of();
		preservationDays = (preservationDays != null) ? preservationDays : MINIMUM_PRESERVATION_DAYS;
		if (preservationDays < MINIMUM_PRESERVATION_DAYS) {
			throw new IllegalArgumentException(
					"a preservation period is at least " + MINIMUM_PRESERVATION_DAYS + " days (Art. 29(7))");
		}
		if (status == TreatyStatus.NOT_RECORDED && since != null) {
			throw new IllegalArgumentException("a date needs a treaty status");
		}
	}

	/** What an entry written before the directory recorded treaties reads as. */
	public static Treaty notRecorded() {
		return new Treaty(TreatyStatus.NOT_RECORDED, null, false, List.of(), MINIMUM_PRESERVATION_DAYS);
	}

	public static Treaty of(TreatyStatus status, LocalDate since) {
		return new Treaty(Objects.requireNonNull(status, "status"), since, false, List.of(), MINIMUM_PRESERVATION_DAYS);
	}

}
