package org.vigil.gateway.submission;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.command.CommandPublisher;
import org.vigil.gateway.problem.FieldError;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.RequestIdTaken;
import org.vigil.gateway.problem.RequestNotFound;
import org.vigil.gateway.security.Access;
import org.vigil.gateway.security.VigilUser;
import org.vigil.gateway.status.RequestState;
import org.vigil.gateway.status.RequestStatus;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.dispatch.AcknowledgeRequest;
import org.vigil.protocol.dispatch.RecordDelivery;
import org.vigil.protocol.dispatch.SubmitRequest;
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
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

	private static final Logger log = LoggerFactory.getLogger(RequestController.class);

	private static final int LIST_LIMIT = 100;

	private final CommandPublisher commands;

	private final RequestStatuses statuses;

	private final DirectoryView directory;

	private final Clock clock;

	RequestController(CommandPublisher commands, RequestStatuses statuses, DirectoryView directory, Clock clock) {
		this.commands = commands;
		this.statuses = statuses;
		this.directory = directory;
		this.clock = clock;
	}

	@PostMapping
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
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(id, own, to, form.urgency(), this.clock.instant(), form.requestingAuthority(),
						form.offence(), form.summaryOfFacts(), form.dataToPreserve(), form.relationToOffence(),
						form.custodian(), form.necessity(), form.mutualAssistanceToFollow()),
				user.id(), this.clock.instant());
		this.commands.publish(submit);
		try {
			this.statuses.recordSubmission(submit);
		}
		catch (RuntimeException ex) {
			// Accepted all the same: Kafka has it, and the projector will fill the read
			// model.
			log.warn("Request {} accepted, but the read model could not record it yet: {}", id, ex.getMessage());
		}
		RequestStatus status = this.statuses.find(id).orElseGet(() -> submitted(submit));
		return ResponseEntity.accepted().location(URI.create("/api/v1/requests/" + id.value())).body(status);
	}

	@GetMapping("/{id}")
	RequestStatus get(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		return visible(user, id);
	}

	/**
	 * The most recent requests of the user's own country: those it sent
	 * ({@code box=sent}) or received ({@code box=received}, the default).
	 */
	@GetMapping
	List<RequestStatus> list(@AuthenticationPrincipal VigilUser user,
			@RequestParam(defaultValue = "received") String box) {
		if (!box.equals("sent") && !box.equals("received")) {
			throw InvalidFields.of("box", "must be 'sent' or 'received'");
		}
		return user.country()
			.map((country) -> this.statuses.recent(country, box.equals("sent"), LIST_LIMIT))
			.orElse(List.of());
	}

	@PostMapping("/{id}/acknowledgement")
	ResponseEntity<RequestStatus> acknowledge(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = visible(user, id);
		if (!Access.canAcknowledge(user, status)) {
			throw new NotAllowed("Only officers of " + status.to() + " or a network coordinator may acknowledge it");
		}
		if (status.acknowledgedBy() != null) {
			return ResponseEntity.ok(status);
		}
		this.commands.publish(new AcknowledgeRequest(RequestId.of(status.id()), user.id(), this.clock.instant()));
		return ResponseEntity.accepted().body(status);
	}

	/**
	 * The caller's console is showing the alert. The dispatcher records the first
	 * delivery to an officer it paged, and ignores the rest.
	 */
	@PostMapping("/{id}/delivery")
	ResponseEntity<Void> delivered(@AuthenticationPrincipal VigilUser user, @PathVariable String id) {
		RequestStatus status = visible(user, id);
		if (!Access.canAcknowledge(user, status)) {
			throw new NotAllowed("Only officers of " + status.to() + " or a network coordinator receive its alerts");
		}
		this.commands.publish(new RecordDelivery(RequestId.of(status.id()), user.id(), this.clock.instant()));
		return ResponseEntity.accepted().build();
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
				List.of(), null, null, null, null, null, request, List.of());
	}

}
