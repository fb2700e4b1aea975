package org.vigil.gateway.receipt;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.signing.NetworkTrust;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.audit.AuditEntryIds;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.event.AlertDelivered;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestResponded;
import org.vigil.protocol.receipt.Receipt;
import org.vigil.protocol.receipt.ReceiptKind;
import org.vigil.protocol.request.PreservationRequest;

/**
 * Issues receipts, signed with the network's key over their canonical JSON, and keeps the
 * first one issued for each step with the request's read model. A receipt records a fact
 * that is in Kafka (the submission, the delivery, the acknowledgement), so a lost read
 * model issues them again from the same facts: the bytes differ, what they vouch for does
 * not.
 *
 * <p>
 * Each receipt names the audit entry that records its step ({@link AuditEntryIds}): the
 * submission's entry, which the gateway writes, or the entry the audit service derives
 * from the dispatcher's event. The id is known before the ledger numbers the entry, so
 * signing a receipt never waits for the ledger; the ledger maps the id to a sequence
 * number and an inclusion proof (docs/audit.md).
 */
public class Receipts {

	private static final String FIELD_PREFIX = "receipt.";

	/** The actor of what the network itself does. */
	public static final String NETWORK = "network";

	private final NetworkTrust trust;

	private final StringRedisTemplate redis;

	public Receipts(NetworkTrust trust, StringRedisTemplate redis) {
		this.trust = trust;
		this.redis = redis;
	}

	/**
	 * Signs and keeps a receipt its caller knows was not kept a moment ago: one round
	 * trip unless another thread or instance kept one meanwhile.
	 */
	private void keep(Receipt receipt) {
		byte[] signed = this.trust.network().sign(CanonicalJson.canonicalize(receipt));
		this.redis.opsForHash()
			.putIfAbsent(GatewayKeys.request(receipt.requestId()), FIELD_PREFIX + receipt.kind().name(),
					Base64.getEncoder().encodeToString(signed));
	}

	public Optional<byte[]> find(RequestId id, ReceiptKind kind) {
		Object stored = this.redis.opsForHash().get(GatewayKeys.request(id), FIELD_PREFIX + kind.name());
		return Optional.ofNullable(stored).map((base64) -> Base64.getDecoder().decode(base64.toString()));
	}

	/**
	 * A signed receipt as the read model keeps it.
	 *
	 * @param field the request hash's field
	 * @param value the receipt's CMS, in Base64
	 */
	public record Signed(String field, String value) {
	}

	/**
	 * The ACCEPTED receipt, signed, for the read model to keep with the submission in one
	 * round trip ({@code RequestStatuses#recordSubmission}); signing costs less than a
	 * round trip to find out whether one is kept already.
	 */
	public Signed signAccepted(SubmitRequest submit) {
		return new Signed(FIELD_PREFIX + ReceiptKind.ACCEPTED.name(), Base64.getEncoder()
			.encodeToString(this.trust.network().sign(CanonicalJson.canonicalize(accepted(submit)))));
	}

	/** The network holds the request: the receipt the sender gets with its 202. */
	private static Receipt accepted(SubmitRequest submit) {
		PreservationRequest request = submit.request();
		String signedBy = submit.signed().signedByNetwork() ? "signed by the network on behalf of " + request.from()
				+ ", filed in the console by " + submit.submittedBy()
				: "signed by " + request.from() + ", sent by " + submit.submittedBy();
		return new Receipt(ReceiptKind.ACCEPTED, request.id(), submit.signed().digest(), request.from(), request.to(),
				submit.acceptedAt(), NETWORK, "Accepted by the network: request " + request.id() + " from "
						+ request.from() + " to " + request.to() + ", " + signedBy,
				AuditEntryIds.ofSubmission(request.id()));
	}

	/**
	 * What a receipt says of its request besides the step.
	 *
	 * @param requestDigest the digest of the signed request the network accepted
	 * @param from the requesting Party
	 * @param to the requested Party
	 * @param kept the receipts the request has already, read with the rest: a step with
	 * one needs no new one and no round trip to find out
	 */
	public record Subject(String requestDigest, String from, String to, Set<ReceiptKind> kept) {
	}

	/** A paged officer's console showed the alert. */
	public void delivered(Subject subject, AlertDelivered delivered) {
		if (subject.requestDigest() == null || subject.kept().contains(ReceiptKind.DELIVERED)) {
			return;
		}
		keep(new Receipt(ReceiptKind.DELIVERED, delivered.requestId(), subject.requestDigest(),
				CountryCode.of(subject.from()), CountryCode.of(subject.to()), delivered.at(),
				delivered.officer().value(), "Delivered: the alert was shown on the console of " + delivered.officer()
						+ " of " + subject.to() + " (step " + delivered.step() + ")",
				AuditEntryIds.ofEvent(delivered)));
	}

	/** The requested Party answered; only the first answer gets a receipt. */
	public void responded(Subject subject, RequestResponded responded) {
		if (subject.requestDigest() == null || subject.kept().contains(ReceiptKind.RESPONDED)) {
			return;
		}
		Response response = responded.response();
		String what = switch (response.kind()) {
			case PRESERVED -> "the data is preserved until " + response.preservedUntil();
			case DISCLOSED -> "the data was disclosed";
			case REFUSED -> "the request is refused";
			case NEEDS_INFORMATION -> "more information is needed";
		};
		keep(new Receipt(ReceiptKind.RESPONDED, responded.requestId(), subject.requestDigest(),
				CountryCode.of(subject.from()), CountryCode.of(subject.to()), responded.at(), responded.by().value(),
				"Answered by " + responded.by() + " for " + subject.to() + ": " + what
						+ ((response.note() != null) ? " (" + response.note() + ")" : ""),
				AuditEntryIds.ofEvent(responded)));
	}

	/** A named officer took charge. */
	public void acknowledged(Subject subject, RequestAcknowledged acknowledged) {
		if (subject.requestDigest() == null || subject.kept().contains(ReceiptKind.ACKNOWLEDGED)) {
			return;
		}
		keep(new Receipt(ReceiptKind.ACKNOWLEDGED, acknowledged.requestId(), subject.requestDigest(),
				CountryCode.of(subject.from()), CountryCode.of(subject.to()), acknowledged.at(),
				acknowledged.by().value(),
				"Acknowledged by " + acknowledged.by() + " for " + subject.to()
						+ (acknowledged.late() ? ", after the request had escalated past them" : ""),
				AuditEntryIds.ofEvent(acknowledged)));
	}

}
