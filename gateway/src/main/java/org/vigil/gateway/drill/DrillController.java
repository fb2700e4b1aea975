package org.vigil.gateway.drill;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.Paging;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.Roles;
import org.vigil.gateway.security.VigilUser;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Urgency;

/**
 * {@code /api/v1/drills}: start reachability drills, and read how fast each Party
 * acknowledged them.
 *
 * <p>
 * Network administrators and coordinators may drill any Party, a country administrator
 * only their own. The network-wide report is for network administrators, coordinators and
 * auditors; anyone else of a Party sees their own Party's line and drills only.
 */
@Tag(name = "Drills", description = "Reachability drills of the contact points")
@RestController
@RequestMapping("/api/v1/drills")
class DrillController {

	/** Every Party of today's network on one page. */
	static final int DEFAULT_PAGE = 100;

	private final Drills drills;

	private final DrillResults results;

	private final DirectoryView directory;

	DrillController(Drills drills, DrillResults results, DirectoryView directory) {
		this.drills = drills;
		this.results = results;
		this.directory = directory;
	}

	/**
	 * What to drill: the Parties named in {@code countries}, or every Party in the
	 * directory with {@code "all": true}; one of the two.
	 *
	 * @param countries ISO 3166-1 alpha-2 codes
	 * @param all every Party
	 * @param urgency what the drill escalates with; URGENT when left out
	 */
	record DrillForm(List<String> countries, Boolean all, Urgency urgency) {
	}

	/** The drills started, one per Party. */
	record Started(List<Drills.Started> drills) {
	}

	@PreAuthorize(Roles.DRILL_STARTER)
	@Operation(summary = "Start reachability drills of named Parties or of every Party")
	@PostMapping
	ResponseEntity<Started> start(@AuthenticationPrincipal VigilUser user, @RequestBody DrillForm form) {
		boolean all = Boolean.TRUE.equals(form.all());
		boolean named = form.countries() != null && !form.countries().isEmpty();
		if (all == named) {
			throw InvalidFields.of("countries", "name the Parties to drill, or send \"all\": true, not both");
		}
		List<CountryCode> countries = new ArrayList<>();
		if (all) {
			countries.addAll(this.drills.everyParty());
		}
		else {
			for (String country : form.countries()) {
				try {
					CountryCode code = CountryCode.of(country);
					if (!countries.contains(code)) {
						countries.add(code);
					}
				}
				catch (IllegalArgumentException | NullPointerException ex) {
					throw InvalidFields.of("countries", "'" + country + "' is not an ISO 3166-1 alpha-2 code");
				}
			}
		}
		boolean network = user.has(Role.NETWORK_ADMIN) || user.isCoordinator();
		if (!network) {
			if (!user.has(Role.COUNTRY_ADMIN)) {
				throw new NotAllowed("Only a network administrator, a coordinator or a country administrator "
						+ "may start a drill");
			}
			CountryCode own = user.country().orElseThrow(() -> new NotAllowed("You act for no Party"));
			if (all || countries.stream().anyMatch((country) -> !country.equals(own))) {
				throw new NotAllowed("A country administrator may drill only their own Party, " + own);
			}
		}
		Urgency urgency = (form.urgency() != null) ? form.urgency() : Urgency.URGENT;
		List<Drills.Started> started = this.drills.start(countries, urgency);
		return ResponseEntity.accepted().location(URI.create("/api/v1/drills/report")).body(new Started(started));
	}

	/**
	 * A line per Party: its last drill, how many, the median and worst time to
	 * acknowledge, the failures. Limited to the user's own Party unless they see the
	 * whole network.
	 */
	@Operation(
			summary = "A line per Party the caller may see: last drill, median and worst time to acknowledge, failures (paged)")
	@GetMapping("/report")
	ResponseEntity<List<CountryDrills>> report(@AuthenticationPrincipal VigilUser user,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		int size = Paging.limit(limit, DEFAULT_PAGE);
		// By country code: the cursor is the last code of the page.
		List<ContactPoint> lines = this.directory.contactPoints()
			.stream()
			.filter((contactPoint) -> mayRead(user, contactPoint.country()))
			.filter((contactPoint) -> cursor == null || contactPoint.country().value().compareTo(cursor) > 0)
			.sorted(Comparator.comparing((ContactPoint contactPoint) -> contactPoint.country().value()))
			.limit(size + 1L)
			.toList();
		String next = (lines.size() > size) ? lines.get(size - 1).country().value() : null;
		return Paging.page(lines.stream()
			.limit(size)
			.map((contactPoint) -> CountryDrills.of(contactPoint.country().value(), contactPoint.partyName(),
					this.results.of(contactPoint.country()), false))
			.toList(), next, size);
	}

	/** One Party's line with its drills, newest first. */
	@Operation(summary = "One Party's drill line with its drills, newest first")
	@GetMapping("/report/{country}")
	CountryDrills country(@AuthenticationPrincipal VigilUser user, @PathVariable String country) {
		Refused notFound = new Refused(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
				"No drill report of '" + country + "' that you may see");
		CountryCode code;
		try {
			code = CountryCode.of(country);
		}
		catch (IllegalArgumentException ex) {
			throw notFound;
		}
		ContactPoint contactPoint = this.directory.contactPoint(code)
			.filter((found) -> mayRead(user, found.country()))
			.orElseThrow(() -> notFound);
		return CountryDrills.of(code.value(), contactPoint.partyName(), this.results.of(code), true);
	}

	/** What the console needs to know to offer the form. */
	@Operation(summary = "Whether the caller may start drills, and of which Party")
	@GetMapping("/permissions")
	Map<String, Object> permissions(@AuthenticationPrincipal VigilUser user) {
		boolean network = user.has(Role.NETWORK_ADMIN) || user.isCoordinator();
		boolean own = !network && user.has(Role.COUNTRY_ADMIN) && user.country().isPresent();
		return Map.of("drillAny", network, "drillOwn", own ? user.country().get().value() : "");
	}

	private static boolean mayRead(VigilUser user, CountryCode country) {
		if (user.has(Role.NETWORK_ADMIN) || user.isCoordinator() || user.has(Role.AUDITOR)) {
			return true;
		}
		return user.country().filter(country::equals).isPresent();
	}

}
