package org.vigil.gateway.drill;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.vigil.protocol.Topics;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.json.WireJson;

/**
 * Projects drills' submissions and events into {@link DrillResults}. Its own consumer
 * group (the read model's, suffixed {@code -drills}), shared by all gateway instances:
 * the drill results are a read model of their own, rebuilt by resetting that group.
 */
@Component
class DrillProjector {

	private final DrillResults results;

	DrillProjector(DrillResults results) {
		this.results = results;
	}

	@KafkaListener(id = "vigil-gateway-drills", topics = { Topics.REQUESTS, Topics.EVENTS },
			groupId = "${vigil.gateway.consumer-group:vigil-gateway}-drills",
			containerFactory = "gatewayListenerFactory")
	void project(ConsumerRecord<String, byte[]> record) {
		if (Topics.REQUESTS.equals(record.topic())) {
			if (WireJson.read(record.value(), DispatchCommand.class) instanceof SubmitRequest submit) {
				this.results.recordStart(submit);
			}
			return;
		}
		this.results.apply(WireJson.read(record.value(), RequestEvent.class));
	}

}
