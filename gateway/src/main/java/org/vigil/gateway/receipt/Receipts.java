package org.vigil.gateway.receipt;

import java.util.Base64;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.signing.NetworkTrust;
import org.vigil.gateway.status.RequestStatus;
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
	 * Signs and keeps a receipt, unless one for that step is kept already.
	 * @return the receipt kept for that step: this one, or the earlier one
	 */
	public byte[] issue(Receipt receipt) {
		Optional<byte[]> kept = find(receipt.requestId(), receipt.kind());
		if (kept.isPresent()) {
			return kept.get();
		}
		byte[] signed = this.trust.network().sign(CanonicalJson.canonicalize(receipt));
		String key = GatewayKeys.request(receipt.requestId());
		String field = FIELD_PREFIX + receipt.kind().name();
		this.redis.opsForHash().putIfAbsent(key, field, Base64.getEncoder().encodeToString(signed));
		return find(receipt.requestId(), receipt.kind()).orElse(signed);
	}

	public Optional<byte[]> find(RequestId id, ReceiptKind kind) {
		Object stored = this.redis.opsForHash().get(GatewayKeys.request(id), FIELD_PREFIX + kind.name());
		return Optional.ofNullable(stored).map((base64) -> Base64.getDecoder().decode(base64.toString()));
	}

	/** The network holds the request: the receipt the sender gets with its 202. */
	public byte[] accepted(SubmitRequest submit) {
		PreservationRequest request = submit.request();
		String signedBy = submit.signed().signedByNetwork() ? "signed by the network on behalf of " + request.from()
				+ ", filed in the console by " + submit.submittedBy()
				: "signed by " + request.from() + ", sent by " + submit.submittedBy();
		return issue(new Receipt(ReceiptKind.ACCEPTED, request.id(), submit.signed().digest(), request.from(),
				request.to(), submit.acceptedAt(), NETWORK, "Accepted by the network: request " + request.id()
						+ " from " + request.from() + " to " + request.to() + ", " + signedBy,
				AuditEntryIds.ofSubmission(request.id())));
	}

	/** A paged officer's console showed the alert. */
	public void delivered(RequestStatus status, AlertDelivered delivered) {
		if (status.requestDigest() == null) {
			return;
		}
		issue(new Receipt(ReceiptKind.DELIVERED, delivered.requestId(), status.requestDigest(),
				CountryCode.of(status.from()), CountryCode.of(status.to()), delivered.at(), delivered.officer().value(),
				"Delivered: the alert was shown on the console of " + delivered.officer() + " of " + status.to()
						+ " (step " + delivered.step() + ")",
				AuditEntryIds.ofEvent(delivered)));
	}

	/** The requested Party answered; only the first answer gets a receipt. */
	public void responded(RequestStatus status, RequestResponded responded) {
		if (status.requestDigest() == null) {
			return;
		}
		Response response = responded.response();
		String what = switch (response.kind()) {
			case PRESERVED -> "the data is preserved until " + response.preservedUntil();
			case DISCLOSED -> "the data was disclosed";
			case REFUSED -> "the request is refused";
			case NEEDS_INFORMATION -> "more information is needed";
		};
		issue(new Receipt(ReceiptKind.RESPONDED, responded.requestId(), status.requestDigest(),
				CountryCode.of(status.from()), CountryCode.of(status.to()), responded.at(), responded.by().value(),
				"Answered by " + responded.by() + " for " + status.to() + ": " + what
						+ ((response.note() != null) ? " (" + response.note() + ")" : ""),
				AuditEntryIds.ofEvent(responded)));
	}

	/** A named officer took charge. */
	public void acknowledged(RequestStatus status, RequestAcknowledged acknowledged) {
		if (status.requestDigest() == null) {
			return;
		}
		issue(new Receipt(ReceiptKind.ACKNOWLEDGED, acknowledged.requestId(), status.requestDigest(),
				CountryCode.of(status.from()), CountryCode.of(status.to()), acknowledged.at(),
				acknowledged.by().value(),
				"Acknowledged by " + acknowledged.by() + " for " + status.to()
						+ (acknowledged.late() ? ", after the request had escalated past them" : ""),
				AuditEntryIds.ofEvent(acknowledged)));
	}

}
