package org.vigil.protocol.dispatch;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.vigil.protocol.RequestId;

/**
 * Everything that asks the dispatcher to act on one request. All commands about a request
 * are keyed by its id, so the dispatcher sees them in the order the network accepted
 * them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = SubmitRequest.class, name = "SubmitRequest"),
		@JsonSubTypes.Type(value = AcknowledgeRequest.class, name = "AcknowledgeRequest"),
		@JsonSubTypes.Type(value = RecordDelivery.class, name = "RecordDelivery"),
		@JsonSubTypes.Type(value = EscalateNow.class, name = "EscalateNow"),
		@JsonSubTypes.Type(value = RespondToRequest.class, name = "RespondToRequest"),
		@JsonSubTypes.Type(value = SnoozeRequest.class, name = "SnoozeRequest"),
		@JsonSubTypes.Type(value = SupplyInformation.class, name = "SupplyInformation") })
public sealed interface DispatchCommand permits SubmitRequest, AcknowledgeRequest, RecordDelivery, EscalateNow,
		RespondToRequest, SnoozeRequest, SupplyInformation {

	RequestId requestId();

	/** When the gateway accepted this command, by the network's clock. */
	Instant acceptedAt();

}
