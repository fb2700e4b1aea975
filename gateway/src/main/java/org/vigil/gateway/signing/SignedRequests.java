package org.vigil.gateway.signing;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.vigil.directory.party.CertificateEntry;
import org.vigil.directory.party.CertificateUse;
import org.vigil.directory.party.Role;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.VigilUser;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.canonical.NotCanonicalizable;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;
import org.vigil.protocol.signing.SignatureRejected;
import org.vigil.protocol.signing.VerifiedContent;

/**
 * Accepts a signed request only after every check has passed, and reads its content only
 * after the signature has been verified. The checks run in a fixed order and each refusal
 * has its own problem type (docs/api.md):
 * <ol>
 * <li>the CMS signature, chain, validity, revocation, algorithms and key usage
 * ({@link org.vigil.protocol.signing.CmsVerifier});</li>
 * <li>the content is canonical JSON (RFC 8785), so there is one reading of what was
 * signed;</li>
 * <li>it is a valid preservation request;</li>
 * <li>the signer's Party is the request's {@code from}, and the sender speaks for
 * it;</li>
 * <li>the directory registers the signer's certificate for that Party;</li>
 * <li>the routing headers match the signed id, from, to and createdAt;</li>
 * <li>the signed createdAt is within the allowed clock skew.</li>
 * </ol>
 */
public class SignedRequests {

	/** The members of a preservation request on the wire: its record's components. */
	private static final Set<String> REQUEST_FIELDS = Arrays.stream(PreservationRequest.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	private final NetworkTrust trust;

	private final DirectoryView directory;

	private final Clock clock;

	private final Duration clockSkew;

	public SignedRequests(NetworkTrust trust, DirectoryView directory, Clock clock, Duration clockSkew) {
		this.trust = trust;
		this.directory = directory;
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	/**
	 * @return the request and its signed bytes
	 * @throws SignatureRejected if the verifier refuses the signature
	 * @throws Refused for every later check
	 * @throws NotAllowed if the sender does not speak for the signing Party
	 */
	public Verified verify(byte[] cms, RoutingMetadata metadata, VigilUser sender) {
		VerifiedContent verified = this.trust.verifier().verify(cms);
		byte[] content = verified.content();
		if (!CanonicalJson.isCanonical(content)) {
			throw new Refused(HttpStatus.BAD_REQUEST, ProblemTypes.NOT_CANONICAL, "Not canonical JSON",
					"The signed content must be canonical JSON (RFC 8785): " + whyNotCanonical(content));
		}
		List<String> unknown = unknownFields(content);
		if (!unknown.isEmpty()) {
			// The bytes travel on to the requested Party as they were signed: a field we
			// would skip when reading must not reach it unseen.
			throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_CONTENT,
					"Not a valid preservation request",
					"The signed content has fields a preservation request does not have: " + unknown);
		}
		PreservationRequest request;
		try {
			request = WireJson.read(content, PreservationRequest.class);
		}
		catch (UnreadableRecord ex) {
			throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_CONTENT,
					"Not a valid preservation request", ex.getMessage());
		}
		CountryCode signer = verified.signer()
			.country()
			.orElseThrow(() -> new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.WRONG_COUNTRY,
					"Wrong country", "Requests are signed by a Party's key, not the network's"));
		if (!signer.equals(request.from())) {
			throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.WRONG_COUNTRY, "Wrong country",
					"Signed by " + signer + "'s key, but the request says it is from " + request.from());
		}
		if (request.to().equals(request.from())) {
			// Only the network files a request to the requesting Party itself: a drill.
			throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_CONTENT,
					"Not a valid preservation request", "to must be another Party than the requesting one");
		}
		if (!sender.actsFor(signer, Role.REQUESTER)) {
			throw new NotAllowed("You may send requests only on behalf of your own Party, not " + signer);
		}
		String fingerprint = CertificateEntry.fingerprint(verified.signerCertificate());
		boolean registered = this.directory.contactPoint(signer)
			.map((contactPoint) -> contactPoint.registers(CertificateUse.SIGNING, fingerprint))
			.orElse(false);
		if (!registered) {
			throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.SIGNER_NOT_IN_DIRECTORY,
					"Signer not in the directory",
					"The directory registers no signing certificate " + fingerprint + " for " + signer);
		}
		requireMatch(RoutingMetadata.REQUEST_ID, metadata.requestId(), request.id().value());
		requireMatch(RoutingMetadata.FROM, metadata.from(), request.from().value());
		requireMatch(RoutingMetadata.TO, metadata.to(), request.to().value());
		requireSameInstant(metadata.createdAt(), request.createdAt());
		Instant now = this.clock.instant();
		if (Duration.between(request.createdAt(), now).abs().compareTo(this.clockSkew) > 0) {
			throw new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.CLOCK_SKEW, "Outside the clock skew",
					"createdAt " + request.createdAt() + " is more than " + this.clockSkew + " from the network's time "
							+ now + "; check the sender's clock");
		}
		return new Verified(request, SignedRequest.of(cms, false));
	}

	/** The members of the content's top-level object that are not a request's fields. */
	private static List<String> unknownFields(byte[] content) {
		JsonNode json;
		try {
			json = WireJson.mapper().readTree(content);
		}
		catch (RuntimeException ex) {
			return List.of(); // not JSON at all: reading it as a request says why
		}
		if (json == null || !json.isObject()) {
			return List.of();
		}
		List<String> unknown = new ArrayList<>();
		json.propertyNames().forEach((name) -> {
			if (!REQUEST_FIELDS.contains(name)) {
				unknown.add(name);
			}
		});
		return unknown;
	}

	/**
	 * Signs a request a person filed in the console with their contact point's key, held
	 * by the network (in the demo).
	 * @throws Refused if the network holds no key for that Party
	 */
	public SignedRequest signOnBehalf(PreservationRequest request) {
		byte[] content = CanonicalJson.canonicalize(request);
		return this.trust.onBehalfOf(request.from())
			.map((signer) -> SignedRequest.of(signer.sign(content), true))
			.orElseThrow(() -> new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.SIGNER_NOT_IN_DIRECTORY,
					"No key to sign with",
					"The network holds no signing key of " + request.from() + " to sign on its behalf"));
	}

	/**
	 * Signs a request the network files itself (a reachability drill) with the network's
	 * own key: no Party sent it, so no Party's key should vouch for it.
	 */
	public SignedRequest signAsNetwork(PreservationRequest request) {
		return SignedRequest.of(this.trust.network().sign(CanonicalJson.canonicalize(request)), true);
	}

	private static String whyNotCanonical(byte[] content) {
		try {
			CanonicalJson.canonicalize(content);
			return "its members or numbers are not in canonical form";
		}
		catch (NotCanonicalizable ex) {
			return ex.getMessage();
		}
	}

	private static void requireMatch(String header, String claimed, String signed) {
		if (claimed == null) {
			throw mismatch("The " + header + " header is missing; it must say " + signed + ", as signed");
		}
		if (!claimed.equals(signed)) {
			throw mismatch("The " + header + " header says " + claimed + ", but the signed request says " + signed);
		}
	}

	private static void requireSameInstant(String claimed, Instant signed) {
		if (claimed == null) {
			throw mismatch(
					"The " + RoutingMetadata.CREATED_AT + " header is missing; it must say " + signed + ", as signed");
		}
		try {
			if (!Instant.parse(claimed).equals(signed)) {
				throw mismatch("The " + RoutingMetadata.CREATED_AT + " header says " + claimed
						+ ", but the signed request says " + signed);
			}
		}
		catch (DateTimeParseException ex) {
			throw mismatch("The " + RoutingMetadata.CREATED_AT + " header is not an ISO-8601 instant: " + claimed);
		}
	}

	private static Refused mismatch(String detail) {
		return new Refused(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.METADATA_MISMATCH, "Metadata mismatch",
				detail);
	}

	/**
	 * A request whose signature and claims all check out.
	 *
	 * @param request what it says
	 * @param signed the exact bytes
	 */
	public record Verified(PreservationRequest request, SignedRequest signed) {
	}

}
