package org.vigil.gateway.overview;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.security.Roles;
import org.vigil.gateway.security.VigilUser;
import org.vigil.gateway.status.RequestState;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.CountryCode;

/**
 * {@code /api/v1/overview}: what a supervisor watches in their country, and the network
 * coordinator across the network: the requests still owed something, which of them
 * escalated, and which are overdue right now.
 */
@Tag(name = "Overview", description = "What supervisors and the coordinator watch")
@RestController
@RequestMapping("/api/v1/overview")
class OverviewController {

	/** How far back each Party's received requests are looked through. */
	static final int PER_PARTY = 200;

	private static final Set<RequestState> OPEN = EnumSet.of(RequestState.SUBMITTED, RequestState.ROUTED,
			RequestState.ALERTED, RequestState.EXHAUSTED, RequestState.ACKNOWLEDGED, RequestState.AWAITING_INFORMATION);

	/** The events that say a deadline was missed. */
	private static final Set<String> MISSED = Set.of("StepEscalated", "ResponseOverdue");

	private final RequestStatuses statuses;

	private final DirectoryView directory;

	private final Clock clock;

	OverviewController(RequestStatuses statuses, DirectoryView directory, Clock clock) {
		this.statuses = statuses;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * One open request and why it needs watching.
	 *
	 * @param status the request
	 * @param escalated paged past its first step, or the ladder exhausted
	 * @param overdue a deadline passed without what it asked for
	 */
	record Line(RequestStatus status, boolean escalated, boolean overdue) {
	}

	/**
	 * @param scope a country's code, or {@code network}
	 * @param at when the overview was made
	 * @param open every open request in scope, overdue first, then by deadline
	 * @param escalated how many of them escalated
	 * @param overdue how many of them are overdue
	 */
	record Overview(String scope, Instant at, List<Line> open, long escalated, long overdue) {
	}

	@PreAuthorize(Roles.SUPERVISOR_OR_COORDINATOR)
	@Operation(
			summary = "Open requests received in the caller's scope, overdue first, with how many escalated and are overdue")
	@GetMapping
	Overview overview(@AuthenticationPrincipal VigilUser user) {
		List<CountryCode> scope;
		String name;
		if (user.isCoordinator()) {
			scope = this.directory.contactPoints().stream().map(ContactPoint::country).toList();
			name = "network";
		}
		else {
			CountryCode own = user.country()
				.filter((country) -> user.has(Role.SUPERVISOR))
				.orElseThrow(() -> new NotAllowed("The overview is for supervisors and the network coordinator"));
			scope = List.of(own);
			name = own.value();
		}
		Instant now = this.clock.instant();
		List<Line> lines = new ArrayList<>();
		for (CountryCode country : scope) {
			for (RequestStatus status : this.statuses.recent(country, false, PER_PARTY)) {
				if (OPEN.contains(status.state())) {
					lines.add(new Line(status, escalated(status), overdue(status, now)));
				}
			}
		}
		lines.sort(Comparator.comparing((Line line) -> !line.overdue())
			.thenComparing((line) -> due(line.status()), Comparator.nullsLast(Comparator.naturalOrder())));
		return new Overview(name, now, lines, lines.stream().filter(Line::escalated).count(),
				lines.stream().filter(Line::overdue).count());
	}

	private static boolean escalated(RequestStatus status) {
		return status.state() == RequestState.EXHAUSTED || (status.step() != null && status.step() > 1);
	}

	/**
	 * A deadline passed without what it asked for: a step escalated for want of an
	 * acknowledgement, an answer did not come in time, or what is due now is late.
	 */
	private static boolean overdue(RequestStatus status, Instant now) {
		Instant due = due(status);
		return (due != null && due.isBefore(now))
				|| status.timeline().stream().anyMatch((entry) -> MISSED.contains(entry.event()));
	}

	/** What the request waits for next: an acknowledgement, or an answer. */
	private static Instant due(RequestStatus status) {
		return (status.respondBy() != null) ? status.respondBy() : status.deadline();
	}

}
