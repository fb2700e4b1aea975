package org.vigil.directory.oncall;

import java.util.List;
import java.util.Objects;

import org.vigil.protocol.OfficerId;

/**
 * The people a step pages, and the reason, kept with the alert so that anyone can later
 * see why these people were woken.
 *
 * @param officers never empty
 * @param reason which rotation, shift or role put them there
 */
public record Paging(List<OfficerId> officers, String reason) {

	public Paging {
		officers = List.copyOf(officers);
		Objects.requireNonNull(reason, "reason");
		if (officers.isEmpty()) {
			throw new IllegalArgumentException("a paging names at least one officer");
		}
	}

}
