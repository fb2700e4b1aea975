package org.vigil.gateway.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.vigil.gateway.alerting.AlertFanOut;
import org.vigil.gateway.receipt.Receipts;
import org.vigil.protocol.Topics;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.AlertDelivered;
import org.vigil.protocol.event.RequestAcknowledged;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.RequestResponded;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.DeliveryUpdate;

/**
 * Projects submissions and lifecycle events into the read model, and hands the resulting
 * alert frames to every gateway instance. All gateway instances share one consumer group,
 * so each partition is projected by one of them; reading committed records only, so an
 * event the dispatcher aborted never reaches an officer.
 */
public class EventProjector {

	private final RequestStatuses statuses;

	private final AlertFanOut fanOut;

	private final Receipts receipts;

	public EventProjector(RequestStatuses statuses, AlertFanOut fanOut, Receipts receipts) {
		this.statuses = statuses;
		this.fanOut = fanOut;
		this.receipts = receipts;
	}

	@KafkaListener(id = "vigil-gateway-projector", topics = { Topics.REQUESTS, Topics.EVENTS, Topics.NOTIFICATIONS },
			groupId = "${vigil.gateway.consumer-group:vigil-gateway}", containerFactory = "gatewayListenerFactory")
	void project(ConsumerRecord<String, byte[]> record) {
		if (Topics.REQUESTS.equals(record.topic())) {
			if (WireJson.read(record.value(), DispatchCommand.class) instanceof SubmitRequest submit) {
				this.statuses.recordSubmission(submit);
				this.receipts.accepted(submit);
			}
			return;
		}
		if (Topics.NOTIFICATIONS.equals(record.topic())) {
			this.statuses.applyDelivery(WireJson.read(record.value(), DeliveryUpdate.class));
			return;
		}
		RequestEvent event = WireJson.read(record.value(), RequestEvent.class);
		this.statuses.apply(event).forEach(this.fanOut::publish);
		if (event instanceof AlertDelivered delivered) {
			this.statuses.find(event.requestId()).ifPresent((status) -> this.receipts.delivered(status, delivered));
		}
		else if (event instanceof RequestAcknowledged acknowledged) {
			this.statuses.find(event.requestId())
				.ifPresent((status) -> this.receipts.acknowledged(status, acknowledged));
		}
		else if (event instanceof RequestResponded responded) {
			this.statuses.find(event.requestId()).ifPresent((status) -> this.receipts.responded(status, responded));
		}
	}

}
