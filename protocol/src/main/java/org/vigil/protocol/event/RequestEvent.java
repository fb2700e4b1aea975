package org.vigil.protocol.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.vigil.protocol.RequestId;

/**
 * One step in the life of a request. A request's events are keyed by its id and numbered
 * from 1 without gaps, so a reader can tell a duplicate from a new fact and notice one it
 * missed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = RequestRouted.class, name = "RequestRouted"),
		@JsonSubTypes.Type(value = OfficersAlerted.class, name = "OfficersAlerted"),
		@JsonSubTypes.Type(value = StepSkipped.class, name = "StepSkipped"),
		@JsonSubTypes.Type(value = StepEscalated.class, name = "StepEscalated"),
		@JsonSubTypes.Type(value = EscalatedByHand.class, name = "EscalatedByHand"),
		@JsonSubTypes.Type(value = LadderExhausted.class, name = "LadderExhausted"),
		@JsonSubTypes.Type(value = AlertDelivered.class, name = "AlertDelivered"),
		@JsonSubTypes.Type(value = RequestAcknowledged.class, name = "RequestAcknowledged"),
		@JsonSubTypes.Type(value = RequestResponded.class, name = "RequestResponded"),
		@JsonSubTypes.Type(value = RequestClosed.class, name = "RequestClosed"),
		@JsonSubTypes.Type(value = ResponseOverdue.class, name = "ResponseOverdue"),
		@JsonSubTypes.Type(value = AcknowledgementSnoozed.class, name = "AcknowledgementSnoozed"),
		@JsonSubTypes.Type(value = InformationSupplied.class, name = "InformationSupplied"),
		@JsonSubTypes.Type(value = PreservationExpiring.class, name = "PreservationExpiring"),
		@JsonSubTypes.Type(value = CommandRefused.class, name = "CommandRefused") })
public sealed interface RequestEvent permits RequestRouted, OfficersAlerted, StepSkipped, StepEscalated,
		EscalatedByHand, LadderExhausted, AlertDelivered, RequestAcknowledged, RequestResponded, RequestClosed,
		ResponseOverdue, AcknowledgementSnoozed, InformationSupplied, PreservationExpiring, CommandRefused {

	RequestId requestId();

	/** This event's number in its request's history: 1, 2, 3… */
	long sequence();

	/** When it happened, by the dispatcher's clock. */
	Instant at();

}
