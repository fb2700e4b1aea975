package org.vigil.gateway.submission;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.GatewayProperties;
import org.vigil.gateway.Paging;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.gateway.audit.SubmissionAuditFilter;
import org.vigil.gateway.command.CommandPublisher;
import org.vigil.gateway.problem.FieldError;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.problem.RequestIdTaken;
import org.vigil.gateway.problem.RequestNotFound;
import org.vigil.gateway.receipt.Receipts;
import org.vigil.gateway.security.Access;
import org.vigil.gateway.security.Roles;
import org.vigil.gateway.security.VigilUser;
import org.vigil.gateway.signing.RoutingMetadata;
import org.vigil.gateway.signing.SignedRequests;
import org.vigil.gateway.status.RequestState;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.EscalateNow;
import org.vigil.protocol.dispatch.RecordDelivery;
import org.vigil.protocol.dispatch.RespondToRequest;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.dispatch.ResponseKind;
import org.vigil.protocol.dispatch.SnoozeRequest;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.dispatch.SupplyInformation;
import org.vigil.protocol.receipt.Receipt;
import org.vigil.protocol.receipt.ReceiptKind;
import org.vigil.protocol.request.PreservationRequest;

/**
 * {@code /api/v1/requests}: file a preservation request, see where it stands, acknowledge
 * it.
 *
 * <p>
 * A submission is accepted once Kafka has it, and not before: the 202 means the network
 * owes the sender an answer. Every check that can refuse it runs first, so a refused
 * submission writes nothing anywhere.
 */
@Tag(name = "Requests", description = "Preservation requests (Art. 29): file, follow, acknowledge, answer")
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

	/** How CMS SignedData travels (RFC 8551). */
	static final String SIGNED_REQUEST = "application/pkcs7-mime";

	/** The other registered name for CMS (RFC 7193). */
	static final String CMS = "application/cms";

	/** Set on the answer to a signed request sent again: nothing new happened. */
	static final String REPLAY_HEADER = "Vigil-Replay";

	private static final Logger log = LoggerFactory.getLogger(RequestController.class);

	private static final int LIST_LIMIT = 100;

	private final CommandPublisher commands;

	private final RequestStatuses statuses;

	private final DirectoryView directory;

	private final Clock clock;

	private final SignedRequests signedRequests;

	private final Receipts receipts;

	private final int maxSignedBytes;

	private final AuditTrail audit;

	RequestController(CommandPublisher commands, RequestStatuses statuses, DirectoryView directory, Clock clock,
			SignedRequests signedRequests, Receipts receipts, GatewayProperties properties, AuditTrail audit) {
		this.commands = commands;
		this.statuses = statuses;
		this.directory = directory;
		this.clock = clock;
		this.signedRequests = signedRequests;
		this.receipts = receipts;
		this.maxSignedBytes = properties.maxSignedRequestBytes();
		this.audit = audit;
	}

	@PreAuthorize(Roles.REQUESTER)
	@Operation(summary = "File a preservation request as a person (JSON); the network signs it for the contact point")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RequestStatus> submit(@AuthenticationPrincipal VigilUser user,
			@Valid @RequestBody SubmissionForm form) {
		CountryCode own = user.country()
			.filter((country) -> user.has(Role.REQUESTER))
			.orElseThrow(() -> new NotAllowed("Only a requester of a Party may file requests"));
		if (form.from() != null && !form.from().equals(own.value())) {
			throw new NotAllowed("You may file requests only on behalf of " + own);
		}
		CountryCode to = CountryCode.of(form.to());
		if (to.equals(own)) {
			throw InvalidFields.of("to", "must be another Party than the requesting one (" + own + ")");
		}
		if (this.directory.contactPoint(to).isEmpty()) {
			throw new InvalidFields(ProblemTypes.UNKNOWN_COUNTRY,
					List.of(new FieldError("to", "no contact point of " + to + " is in the directory")));
		}
		RequestId id = (form.id() != null) ? RequestId.of(form.id()) : RequestId.random();
		if (this.statuses.exists(id)) {
			throw new RequestIdTaken(id.value());
		}
		Instant now = this.clock.instant();
		PreservationRequest request = new PreservationRequest(id, own, to, form.urgency(), now,
				form.requestingAuthority(), form.offence(), form.summaryOfFacts(), form.dataToPreserve(),
				form.relationToOffence(), form.custodian(), form.necessity(), form.mutualAssistanceToFollow());
		return accept(new SubmitRequest(request, this.signedRequests.signOnBehalf(request), user.id(), now));
	}

	/**
	 * A request signed by a national system: CMS SignedData over the request's canonical
	 * JSON, with the routing headers of {@link RoutingMetadata}. Sending the same bytes
	 * again returns the original outcome and pages nobody; other bytes under the same id
	 * are refused.
	 */
	@PreAuthorize(Roles.REQUESTER)
	@Operation(summary = "Send a request signed by a national system (CMS SignedData with the Vigil-* routing headers)")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "DER CMS SignedData over the request's canonical JSON (RFC 8785)",
			content = { @Content(mediaType = SIGNED_REQUEST, schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = CMS, schema = @Schema(type = "string", format = "binary")) })
	@PostMapping(consumes = { SIGNED_REQUEST, CMS })
	ResponseEntity<RequestStatus> submitSigned(@AuthenticationPrincipal VigilUser user, HttpServletRequest http)
			throws IOException {
		byte[] cms = readBounded(http);
		http.setAttribute(SubmissionAuditFilter.BODY_DIGEST, Receipt.digestOf(cms));
		SignedRequests.Verified verified = this.signedRequests.verify(cms,
				new RoutingMetadata(http.getHeader(RoutingMetadata.REQUEST_ID), http.getHeader(RoutingMetadata.FROM),
						http.getHeader(RoutingMetadata.TO), http.getHeader(RoutingMetadata.CREATED_AT)),
				user);
		PreservationRequest request = verified.request();
		if (this.directory.contactPoint(request.to()).isEmpty()) {
			throw new InvalidFields(ProblemTypes.UNKNOWN_COUNTRY,
					List.of(new FieldError("to", "no contact point of " + request.to() + " is in the directory")));
		}
		Optional<RequestStatuses.Known> earlier = this.statuses.known(request.id());
		if (earlier.isPresent()) {
			Optional<RequestStatus> status = this.statuses.find(request.id());
			if (verified.signed().digest().equals(earlier.get().requestDigest()) && status.isPresent()) {
				return ResponseEntity.ok().header(REPLAY_HEADER, "true").body(status.get());
			}
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.REQUEST_ID_CONFLICT, "Request id conflict",
					"The network holds other bytes under the id " + request.id() + "; a new request needs a new id");
		}
		return accept(new SubmitRequest(request, verified.signed(), user.id(), this.clock.instant()));
	}

	private ResponseEntity<RequestStatus> accept(SubmitRequest submit) {
		RequestId id = submit.requestId();
		this.commands.publish(submit);
		try {
			this.statuses.recordSubmission(submit, this.receipts.signAccepted(submit));
		}
		catch (RuntimeException ex) {
			// Accepted all the same: Kafka has it, and the projector will fill the read
			// model and
			// issue the receipt.
			log.warn("Request {} accepted, but the read model could not record it yet: {}", id, ex.getMessage());
		}
		RequestStatus status = this.statuses.find(id).orElseGet(() -> submitted(submit));
		return ResponseEntity.accepted().location(URI.create("/api/v1/requests/" + id.value())).body(status);
	}

	private byte[] readBounded(HttpServletRequest http) throws IOException {
		if (http.getContentLengthLong() > this.maxSignedBytes) {
			throw tooLarge();
		}
		byte[] body = http.getInputStream().readNBytes(this.maxSignedBytes + 1);
		if (body.length > this.maxSignedBytes) {
			throw tooLarge();
		}
		return body;
	}

	private Refused tooLarge() {
		return new Refused(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Too large",
				"A signed request may have at most " + this.maxSignedBytes + " bytes");
	}

	/** The exact signed bytes the network accepted, for the receiving Party to verify. */
	@PreAuthorize(Roles.ANYONE)
	@Operation(summary = "The exact signed request bytes the network accepted")
	@GetMapping(path = "/{id}/signed", produces = SIGNED_REQUEST)
	ResponseEntity<byte[]> signed(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = visible(user, id);
		read(user, status, "the signed request");
		return this.statuses.signed(RequestId.of(status.id()))
			.map((bytes) -> ResponseEntity.ok().contentType(MediaType.parseMediaType(SIGNED_REQUEST)).body(bytes))
			.orElseThrow(() -> new RequestNotFound(id));
	}

	/**
	 * A signed receipt: {@code ACCEPTED}, {@code DELIVERED} or {@code ACKNOWLEDGED}.
	 * Verify it offline with
	 * {@code vigil verify receipt.p7s --request request.p7s --ca ca.pem --crl crl.pem}.
	 */
	@PreAuthorize(Roles.ANYONE)
	@Operation(summary = "A signed receipt: ACCEPTED, DELIVERED, ACKNOWLEDGED or RESPONDED")
	@GetMapping(path = "/{id}/receipts/{kind}", produces = SIGNED_REQUEST)
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal VigilUser user, @PathVariable String id,
			@PathVariable String kind) {
		RequestStatus status = visible(user, id);
		ReceiptKind receiptKind = Arrays.stream(ReceiptKind.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(kind))
			.findFirst()
			.orElseThrow(() -> new RequestNotFound(id + "/receipts/" + kind));
		read(user, status, "the " + receiptKind + " receipt");
		return this.receipts.find(RequestId.of(status.id()), receiptKind)
			.map((bytes) -> ResponseEntity.ok().contentType(MediaType.parseMediaType(SIGNED_REQUEST)).body(bytes))
			.orElseThrow(() -> new RequestNotFound(id + "/receipts/" + kind));
	}

	@PreAuthorize(Roles.ANYONE)
	@Operation(summary = "A request's status, contents and timeline")
	@GetMapping("/{id}")
	RequestStatus get(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = visible(user, id);
		read(user, status, "status and contents");
		return status;
	}

	/**
	 * Records who viewed what: a court may ask months later who saw a request. Only reads
	 * of one request by id; the lists of a country's requests are what the console polls.
	 */
	private void read(VigilUser user, RequestStatus status, String what) {
		Object correlation = RequestContextHolder.currentRequestAttributes()
			.getAttribute(SubmissionAuditFilter.CORRELATION_ID, RequestAttributes.SCOPE_REQUEST);
		this.audit.record(new AuditEntry(this.clock.instant(), user.id().value(), "READ_REQUEST", status.id(),
				"ACCEPTED", what, (correlation != null) ? correlation.toString() : UUID.randomUUID().toString(),
				status.requestDigest()));
	}

	/**
	 * The most recent requests of the user's own country: those it sent
	 * ({@code box=sent}) or received ({@code box=received}, the default).
	 */
	@PreAuthorize(Roles.ANYONE)
	@Operation(summary = "The caller's country's requests, received or sent, newest first (paged)")
	@GetMapping
	ResponseEntity<List<RequestStatus>> list(@AuthenticationPrincipal VigilUser user,
			@RequestParam(defaultValue = "received") String box, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		if (!box.equals("sent") && !box.equals("received")) {
			throw InvalidFields.of("box", "must be 'sent' or 'received'");
		}
		int size = Paging.limit(limit, LIST_LIMIT);
		if (!Access.readsRequests(user)) {
			throw new NotAllowed("Only requesters, officers, supervisors and auditors of a Party see its requests");
		}
		if (user.country().isEmpty()) {
			return Paging.page(List.of(), null, size);
		}
		RequestStatuses.Page page;
		try {
			page = this.statuses.recent(user.country().get(), box.equals("sent"), cursor, size);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("cursor", "is not a cursor of this list; start again without one");
		}
		return Paging.page(page.items(), page.next(), size);
	}

	@PreAuthorize(Roles.OFFICER)
	@Operation(summary = "Take charge of a request: stops its ladder")
	@PostMapping("/{id}/acknowledgement")
	ResponseEntity<RequestStatus> acknowledge(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = forOfficers(user, id, "may acknowledge it");
		if (status.acknowledgedBy() != null) {
			return ResponseEntity.ok(status);
		}
		this.commands.publish(new AcknowledgeRequest(RequestId.of(status.id()), user.id(), this.clock.instant()));
		return ResponseEntity.accepted().body(status);
	}

	/**
	 * Moves the ladder to its next step at once: for the officers and supervisors of the
	 * requested Party, and the network coordinators.
	 */
	@PreAuthorize(Roles.OFFICER)
	@Operation(summary = "Page the next step of the ladder now")
	@PostMapping("/{id}/escalation")
	ResponseEntity<RequestStatus> escalate(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = forOfficers(user, id, "may escalate it");
		if (status.acknowledgedBy() != null) {
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.ALREADY_ACKNOWLEDGED, "Already acknowledged",
					"Request " + status.id() + " was acknowledged by " + status.acknowledgedBy()
							+ "; there is nothing to escalate");
		}
		this.commands.publish(new EscalateNow(RequestId.of(status.id()), user.id(), this.clock.instant()));
		return ResponseEntity.accepted().body(status);
	}

	/**
	 * The caller's console is showing the alert. The dispatcher records the first
	 * delivery to an officer it paged, and ignores the rest.
	 */
	@PreAuthorize(Roles.OFFICER)
	@Operation(summary = "Say the caller's console shows the alert (earns the sender a DELIVERED receipt)")
	@PostMapping("/{id}/delivery")
	ResponseEntity<Void> delivered(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = forOfficers(user, id, "receive its alerts");
		this.commands.publish(new RecordDelivery(RequestId.of(status.id()), user.id(), this.clock.instant()));
		return ResponseEntity.accepted().build();
	}

	/**
	 * The requested Party answers: preserved until a date, disclosed, refused, or more
	 * information needed. Answering a request that is still paging acknowledges it too.
	 */
	@PreAuthorize(Roles.OFFICER)
	@Operation(summary = "Answer a request: preserved, disclosed, refused or more information needed")
	@PostMapping("/{id}/response")
	ResponseEntity<RequestStatus> respond(@AuthenticationPrincipal VigilUser user, @PathVariable String id,
			@Valid @RequestBody AnswerForms.ResponseForm form) {
		RequestStatus status = forOfficers(user, id, "may answer it");
		if (status.state() == RequestState.CLOSED) {
			throw stateConflict(status, "it is closed");
		}
		ZoneId zone = this.directory.contactPoint(CountryCode.of(status.to()))
			.map(ContactPoint::zone)
			.orElse(ZoneOffset.UTC);
		Instant now = this.clock.instant();
		Instant until = null;
		if (form.preservedUntil() != null) {
			if (form.kind() != ResponseKind.PRESERVED) {
				throw InvalidFields.of("preservedUntil", "only a PRESERVED answer has a preservation date");
			}
			if (!form.preservedUntil().isAfter(LocalDate.ofInstant(now, zone))) {
				throw InvalidFields.of("preservedUntil",
						"must be a day after today in " + status.to() + " (" + zone + ")");
			}
			// The data is kept through the whole of the last day, in the preserving
			// Party's calendar.
			until = form.preservedUntil().plusDays(1).atStartOfDay(zone).toInstant();
		}
		if ((form.kind() == ResponseKind.REFUSED || form.kind() == ResponseKind.NEEDS_INFORMATION)
				&& (form.note() == null || form.note().isBlank())) {
			throw InvalidFields.of("note", (form.kind() == ResponseKind.REFUSED) ? "must give the reason of the refusal"
					: "must say what information is needed");
		}
		this.commands.publish(new RespondToRequest(RequestId.of(status.id()), user.id(),
				new Response(form.kind(), until, form.note()), now));
		return ResponseEntity.accepted().body(status);
	}

	/**
	 * The officer who acknowledged asks to be alerted again in a while; a snooze of a
	 * request lasts at most its urgency's time to acknowledge.
	 */
	@PreAuthorize(Roles.OFFICER)
	@Operation(summary = "Be alerted again in a while instead of when the time to answer runs out")
	@PostMapping("/{id}/snooze")
	ResponseEntity<RequestStatus> snooze(@AuthenticationPrincipal VigilUser user, @PathVariable String id,
			@Valid @RequestBody AnswerForms.SnoozeForm form) {
		RequestStatus status = forOfficers(user, id, "may snooze it");
		if (status.state() != RequestState.ACKNOWLEDGED || status.acknowledgedBy() == null) {
			throw stateConflict(status, "only an acknowledged request waiting for an answer can be snoozed");
		}
		if (!status.acknowledgedBy().equals(user.id().value())) {
			throw stateConflict(status, "only " + status.acknowledgedBy() + ", who acknowledged it, may snooze it");
		}
		Duration duration = Duration.ofMinutes(form.minutes());
		Duration bound = Urgency.valueOf(status.urgency()).snoozeBound();
		if (duration.compareTo(bound) > 0) {
			throw InvalidFields.of("minutes",
					"must be at most " + bound.toMinutes() + " for a " + status.urgency() + " request");
		}
		this.commands.publish(new SnoozeRequest(RequestId.of(status.id()), user.id(), duration, this.clock.instant()));
		return ResponseEntity.accepted().body(status);
	}

	/** The requester answers the requested Party's question. */
	@PreAuthorize(Roles.REQUESTER_OR_COORDINATOR)
	@Operation(summary = "Reply to the requested Party's question (NEEDS_INFORMATION)")
	@PostMapping("/{id}/information")
	ResponseEntity<RequestStatus> supplyInformation(@AuthenticationPrincipal VigilUser user, @PathVariable String id,
			@Valid @RequestBody AnswerForms.InformationForm form) {
		RequestStatus status = visible(user, id);
		if (!user.isCoordinator() && !user.actsFor(CountryCode.of(status.from()), Role.REQUESTER)) {
			throw new NotAllowed("Only requesters of " + status.from() + " may answer for it");
		}
		if (status.state() != RequestState.AWAITING_INFORMATION) {
			throw stateConflict(status, status.to() + " asked for no information");
		}
		this.commands
			.publish(new SupplyInformation(RequestId.of(status.id()), user.id(), form.note(), this.clock.instant()));
		return ResponseEntity.accepted().body(status);
	}

	private static Refused stateConflict(RequestStatus status, String why) {
		return new Refused(HttpStatus.CONFLICT, ProblemTypes.REQUEST_STATE, "Not in this state",
				"Request " + status.id() + " is " + status.state() + ": " + why);
	}

	/**
	 * A request the caller may act on as the requested Party: an officer or supervisor of
	 * it, or a network coordinator.
	 * @param what what the others may not do, for the 403
	 */
	private RequestStatus forOfficers(VigilUser user, String id, String what) {
		RequestStatus status = visible(user, id);
		if (!Access.canAcknowledge(user, status)) {
			throw new NotAllowed("Only officers of " + status.to() + " or a network coordinator " + what);
		}
		return status;
	}

	private RequestStatus visible(VigilUser user, String id) {
		RequestId requestId;
		try {
			requestId = RequestId.of(id);
		}
		catch (IllegalArgumentException ex) {
			throw new RequestNotFound(id);
		}
		return this.statuses.find(requestId)
			.filter((status) -> Access.canSee(user, status))
			.orElseThrow(() -> new RequestNotFound(id));
	}

	private static RequestStatus submitted(SubmitRequest submit) {
		PreservationRequest request = submit.request();
		return new RequestStatus(request.id().value(), RequestState.SUBMITTED, request.from().value(),
				request.to().value(), request.urgency().name(), submit.acceptedAt(), submit.submittedBy().value(), null,
				List.of(), null, null, null, null, null, null, null, null, null, request, submit.signed().digest(),
				submit.signed().signedByNetwork(), List.of(), List.of(), submit.drill(), null);
	}

}
