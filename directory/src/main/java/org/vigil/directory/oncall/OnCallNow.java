package org.vigil.directory.oncall;

import java.time.Instant;
import java.util.Objects;

import org.vigil.directory.roster.Duty;
import org.vigil.protocol.CountryCode;

/**
 * Who is on call for a Party at an instant, and why: what the console's "on call now"
 * view shows.
 *
 * @param country the Party
 * @param at the instant asked about
 * @param duty who is primary and secondary, the stretch of time over which that holds,
 * and the layer, rotation, shift and overrides that put them there
 * @param reason the same in words
 */
public record OnCallNow(CountryCode country, Instant at, Duty duty, String reason) {

	public OnCallNow {
		Objects.requireNonNull(country, "country");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(duty, "duty");
		Objects.requireNonNull(reason, "reason");
	}

}
