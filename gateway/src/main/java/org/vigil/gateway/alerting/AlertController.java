package org.vigil.gateway.alerting;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.party.Role;
import org.vigil.gateway.security.VigilUser;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.gateway.status.RequestStatuses;

/**
 * {@code /api/v1/alerts} and {@code /api/v1/me}: what the console needs on every
 * (re)connect.
 */
@Tag(name = "Alerts", description = "What the console needs on every (re)connect")
@RestController
@RequestMapping("/api/v1")
class AlertController {

	private final RequestStatuses statuses;

	AlertController(RequestStatuses statuses) {
		this.statuses = statuses;
	}

	/**
	 * Every request currently paging the logged-in officer: the catch-up after a dropped
	 * connection.
	 */
	@Operation(summary = "The requests paging the caller now: the catch-up list after a reconnect")
	@GetMapping("/alerts")
	List<RequestStatus> alerts(@AuthenticationPrincipal VigilUser user) {
		return this.statuses.alerting(user.id());
	}

	@Operation(summary = "Who is logged in: id, name, country and roles")
	@GetMapping("/me")
	Me me(@AuthenticationPrincipal VigilUser user) {
		return new Me(user.id().value(), user.displayName(), user.country().map(Object::toString).orElse(null),
				user.roles(), user.withheldRoles());
	}

	/**
	 * The logged-in person.
	 *
	 * @param id their id and login
	 * @param name their name
	 * @param country their country; null for a network coordinator
	 * @param roles what they may do
	 * @param withheldRoles the administrator roles they hold that count only after a
	 * second factor (TOTP) in this session; empty once given
	 */
	record Me(String id, String name, String country, Set<Role> roles, Set<Role> withheldRoles) {
	}

}
