package org.vigil.gateway.drill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.command.CommandPublisher;
import org.vigil.gateway.problem.FieldError;
import org.vigil.gateway.problem.InvalidFields;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.signing.SignedRequests;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.request.PreservationRequest;

/**
 * Starts reachability drills: for each Party, a request the network files against that
 * Party's own contact point ({@code from} and {@code to} are both the Party, submitted by
 * {@code network}, signed with the network's key), marked as a drill, with Art. 29(2)
 * texts that say it is one. It is accepted like any request, once Kafka has it.
 */
public class Drills {

	private static final Logger log = LoggerFactory.getLogger(Drills.class);

	static final String AUTHORITY = "Vigil network: reachability drill";

	private final CommandPublisher commands;

	private final RequestStatuses statuses;

	private final DrillResults results;

	private final SignedRequests signedRequests;

	private final DirectoryView directory;

	private final Clock clock;

	public Drills(CommandPublisher commands, RequestStatuses statuses, DrillResults results,
			SignedRequests signedRequests, DirectoryView directory, Clock clock) {
		this.commands = commands;
		this.statuses = statuses;
		this.results = results;
		this.signedRequests = signedRequests;
		this.directory = directory;
		this.clock = clock;
	}

	/** A drill started for a Party. */
	public record Started(String country, String requestId, Instant startedAt) {
	}

	/**
	 * Starts one drill per Party named, in that order.
	 * @throws InvalidFields if a Party has no contact point in the directory (nothing is
	 * started then)
	 */
	public List<Started> start(List<CountryCode> countries, Urgency urgency) {
		List<FieldError> unknown = countries.stream()
			.filter((country) -> this.directory.contactPoint(country).isEmpty())
			.map((country) -> new FieldError("countries", "no contact point of " + country + " is in the directory"))
			.toList();
		if (!unknown.isEmpty()) {
			throw new InvalidFields(ProblemTypes.UNKNOWN_COUNTRY, unknown);
		}
		List<Started> started = new ArrayList<>();
		for (CountryCode country : countries) {
			started.add(start(country, urgency));
		}
		return started;
	}

	/** Every Party in the directory, by country code. */
	public List<CountryCode> everyParty() {
		return this.directory.contactPoints()
			.stream()
			.map((contactPoint) -> contactPoint.country())
			.sorted((a, b) -> a.value().compareTo(b.value()))
			.toList();
	}

	private Started start(CountryCode country, Urgency urgency) {
		Instant now = this.clock.instant();
		RequestId id = RequestId.random();
		PreservationRequest request = new PreservationRequest(id, country, country, urgency, now, AUTHORITY,
				"DRILL: no offence, this is a reachability drill",
				"This is a drill of your 24/7 contact point's reachability, sent by the network. "
						+ "Acknowledge it as you would a real request; nothing else is asked of you.",
				"Nothing: this is a drill", "None: this is a drill", "",
				"The network measures how fast a contact point acknowledges", false);
		SubmitRequest submit = new SubmitRequest(request, this.signedRequests.signAsNetwork(request),
				SubmitRequest.NETWORK, now, true);
		this.commands.publish(submit);
		try {
			this.statuses.recordSubmission(submit);
			this.results.recordStart(submit);
		}
		catch (RuntimeException ex) {
			// Started all the same: Kafka has it, and the projectors record it.
			log.warn("Drill {} of {} started, but the read model could not record it yet: {}", id, country,
					ex.getMessage());
		}
		return new Started(country.value(), id.value(), now);
	}

}
