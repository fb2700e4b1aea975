package org.vigil.gateway.directory;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.audit.SubmissionAuditFilter;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.VigilUser;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;

/**
 * {@code /api/v1/directory/contact-points}: read every Party's entry; a country
 * administrator edits their own, a network administrator any. A change names the version
 * it was made from ({@code If-Match}), so two administrators never overwrite each other
 * unseen.
 */
@Tag(name = "Directory", description = "Contact points, who is on call, the signed export")
@RestController
@RequestMapping("/api/v1/directory/contact-points")
class DirectoryAdminController {

	/** An entry is a few kilobytes; a hundred officers fit well within this. */
	static final int MAX_ENTRY_BYTES = 256 * 1024;

	private final DirectoryView directory;

	private final DirectoryEditor editor;

	DirectoryAdminController(DirectoryView directory, DirectoryEditor editor) {
		this.directory = directory;
		this.editor = editor;
	}

	/**
	 * A line per Party, for choosing one.
	 *
	 * @param country ISO 3166-1 alpha-2
	 * @param partyName in English
	 * @param zone the contact point's time zone
	 * @param etag the entry's current version
	 */
	record Summary(String country, String partyName, String zone, String etag) {
	}

	@Operation(summary = "Every Party's contact point: country, name, zone and ETag")
	@GetMapping
	List<Summary> list() {
		return this.directory.contactPoints()
			.stream()
			.sorted(Comparator.comparing((ContactPoint cp) -> cp.country().value()))
			.map((cp) -> new Summary(cp.country().value(), cp.partyName(), cp.zone().getId(), DirectoryEditor.etag(cp)))
			.toList();
	}

	@Operation(summary = "One Party's whole entry (officers, rosters, policy, certificates), with its ETag")
	@GetMapping("/{country}")
	ResponseEntity<ContactPoint> get(@PathVariable String country) {
		ContactPoint contactPoint = ContactPoints.find(this.directory, country);
		return ResponseEntity.ok().eTag(DirectoryEditor.etag(contactPoint)).body(contactPoint);
	}

	@Operation(summary = "Replace a Party's entry (If-Match with the ETag it was edited from)")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The whole entry, as GET gave it, changed",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ContactPoint.class)))
	@PutMapping("/{country}")
	ResponseEntity<ContactPoint> replace(@AuthenticationPrincipal VigilUser user, @PathVariable String country,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest http)
			throws IOException {
		ContactPoint current = ContactPoints.find(this.directory, country);
		CountryCode code = current.country();
		String correlationId = http.getHeader(SubmissionAuditFilter.CORRELATION_ID);
		String correlation = (correlationId != null && correlationId.length() <= 64) ? correlationId
				: UUID.randomUUID().toString();
		byte[] body = http.getInputStream().readNBytes(MAX_ENTRY_BYTES + 1);
		try {
			if (!user.has(Role.NETWORK_ADMIN) && !user.actsFor(code, Role.COUNTRY_ADMIN)) {
				throw new NotAllowed("Only an administrator of " + code + " or a network administrator may edit it"
						+ user.secondFactorHint());
			}
			if (body.length > MAX_ENTRY_BYTES) {
				throw new Refused(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Too large",
						"A directory entry may have at most " + MAX_ENTRY_BYTES + " bytes");
			}
			if (ifMatch == null || ifMatch.isBlank()) {
				throw new Refused(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.IF_MATCH_REQUIRED, "If-Match required",
						"Send the ETag of the entry you edited in If-Match, so that a change made meanwhile is not"
								+ " overwritten");
			}
			ContactPoint proposed = read(body);
			if (!proposed.country().equals(code)) {
				throw InvalidFields.of("country", "must stay " + code + ": an entry cannot move to another Party");
			}
			if (!user.has(Role.NETWORK_ADMIN)) {
				grantsNoNetworkRole(current, proposed);
			}
			ContactPoint saved = this.editor.replace(user, current, ifMatch.trim(), proposed, correlation);
			return ResponseEntity.ok().eTag(DirectoryEditor.etag(saved)).body(saved);
		}
		catch (Refused | NotAllowed | InvalidFields ex) {
			this.editor.refused(user, code, problemType(ex), ex.getMessage(), correlation, body);
			throw ex;
		}
	}

	/**
	 * Roles that hold across the network, whoever's entry lists them: only a network
	 * administrator may grant them, or a country administrator could make themselves one.
	 */
	static final Set<Role> NETWORK_ROLES = EnumSet.of(Role.NETWORK_ADMIN, Role.COORDINATOR, Role.AUDITOR);

	/** Refuses an entry that gives someone a network-wide role they did not have. */
	private static void grantsNoNetworkRole(ContactPoint current, ContactPoint proposed) {
		for (Officer officer : proposed.officers()) {
			Set<Role> before = current.officers()
				.stream()
				.filter((existing) -> existing.id().equals(officer.id()))
				.findFirst()
				.map(Officer::roles)
				.orElse(Set.of());
			for (Role role : officer.roles()) {
				if (NETWORK_ROLES.contains(role) && !before.contains(role)) {
					throw new NotAllowed("Only a network administrator may grant the network-wide role " + role
							+ " (to " + officer.id() + ")");
				}
			}
		}
	}

	private static ContactPoint read(byte[] body) {
		try {
			WireJson.mapper().readTree(body);
		}
		catch (RuntimeException ex) {
			throw new Refused(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed JSON",
					"The body is not JSON: " + ex.getMessage());
		}
		ContactPoint proposed;
		try {
			proposed = WireJson.read(body, ContactPoint.class);
		}
		catch (UnreadableRecord | IllegalArgumentException | NullPointerException ex) {
			throw InvalidFields.of("body", "is not a valid contact point: " + ex.getMessage());
		}
		if (proposed == null) {
			// The JSON literal null reads as no object at all.
			throw InvalidFields.of("body", "is not a valid contact point: null");
		}
		return proposed;
	}

	private static String problemType(RuntimeException ex) {
		if (ex instanceof Refused refused) {
			return refused.type().toString();
		}
		if (ex instanceof InvalidFields invalid) {
			return invalid.type().toString();
		}
		return ProblemTypes.NOT_ALLOWED.toString();
	}

}
