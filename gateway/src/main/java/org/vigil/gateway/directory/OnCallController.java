package org.vigil.gateway.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.oncall.OnCallNow;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.roster.Duty;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.protocol.OfficerId;

/**
 * Who is on call in a Party right now and why, and the calendar of the coming days: read
 * from this gateway's replica of the directory, as the dispatcher reads it.
 */
@Tag(name = "Directory")
@RestController
@RequestMapping("/api/v1/directory/contact-points/{country}")
class OnCallController {

	/** A month ahead is as far as anyone plans a roster in this network. */
	static final int MAX_DAYS = 31;

	private final DirectoryView directory;

	private final Clock clock;

	OnCallController(DirectoryView directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Who is on call now.
	 *
	 * @param zone the contact point's time zone, for showing local times
	 * @param now who is primary and secondary, from which rotation, layer and overrides
	 * @param supervisors the supervisors, paged when the ladder reaches them
	 */
	record Now(String zone, OnCallNow now, List<OfficerId> supervisors) {
	}

	/**
	 * The calendar.
	 *
	 * @param zone the contact point's time zone
	 * @param duties stretches of time in which nobody changes, in order, without gaps
	 */
	record Calendar(String zone, List<Duty> duties) {
	}

	@Operation(summary = "Who is on call at a Party now (or at a given instant), and why")
	@GetMapping("/on-call")
	Now onCall(@PathVariable String country, @RequestParam(required = false) Instant at) {
		ContactPoint contactPoint = ContactPoints.find(this.directory, country);
		Instant instant = (at != null) ? at : this.clock.instant();
		return new Now(contactPoint.zone().getId(), OnCall.now(contactPoint, instant),
				contactPoint.withRole(Role.SUPERVISOR));
	}

	@Operation(summary = "Who is on call at a Party over the next days")
	@GetMapping("/calendar")
	Calendar calendar(@PathVariable String country, @RequestParam(defaultValue = "14") int days,
			@RequestParam(required = false) Instant from) {
		if (days < 1 || days > MAX_DAYS) {
			throw InvalidFields.of("days", "must be 1 to " + MAX_DAYS);
		}
		ContactPoint contactPoint = ContactPoints.find(this.directory, country);
		return new Calendar(contactPoint.zone().getId(),
				OnCall.calendar(contactPoint, (from != null) ? from : this.clock.instant(), days));
	}

}
