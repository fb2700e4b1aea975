package org.vigil.standalone;

import org.springframework.boot.SpringApplication;

/**
 * One node of the fault suite's network, in a JVM of its own so that it can be killed
 * with SIGKILL: the directory, dispatcher, gateway and audit ledger of
 * {@link StandaloneApplication}, on a Kafka broker and a redis-server that the test runs
 * and restarts ({@code --spring.kafka.bootstrap-servers}, {@code --spring.data.redis.*}
 * and the rest come as arguments).
 */
public final class FaultNode {

	private FaultNode() {
	}

	public static void main(String[] args) {
		new SpringApplication(StandaloneApplication.class).run(args);
	}

}
