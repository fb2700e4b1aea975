package org.vigil.standalone;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;

/**
 * The whole network in one application context on a real Kafka broker (KRaft) and a real
 * redis-server, for the integration and browser tests of this module. Every subclass
 * shares one context, so there is one dispatcher and one clock: two contexts would split
 * the partitions between two dispatchers with different clocks.
 */
@SpringBootTest(classes = { StandaloneApplication.class, NetworkTest.Clocks.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "vigil.gateway.demo-password=" + NetworkTest.PASSWORD,
				"vigil.dispatcher.tick=20ms", "vigil.dispatcher.commit-interval=20ms" })
abstract class NetworkTest {

	static final String PASSWORD = "network-test";

	/** 03:00 in Paris and Berlin: the hour the network exists for. */
	static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = Infrastructure.get();
		registry.add("spring.kafka.bootstrap-servers", infrastructure.kafka::bootstrapServers);
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", infrastructure.redis::port);
		registry.add("vigil.gateway.pki-dir", () -> infrastructure.pkiLayout.root().toString());
		registry.add("vigil.gateway.pki-password", () -> Infrastructure.PKI_PASSWORD);
		registry.add("vigil.directory.pki-dir", () -> infrastructure.pkiLayout.root().toString());
		registry.add("vigil.directory.pki-password", () -> Infrastructure.PKI_PASSWORD);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(START);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	SimpUserRegistry subscriptions;

	/** Who the demo directory pages for a step of a country's ladder, now. */
	OfficerId onCall(String country, StepTarget target) {
		ContactPoint contactPoint = SeedDirectory.demo()
			.contactPoints()
			.stream()
			.filter((candidate) -> candidate.country().equals(CountryCode.of(country)))
			.findFirst()
			.orElseThrow();
		return OnCall.page(contactPoint, target, this.clock.instant()).orElseThrow().officers().get(0);
	}

	static String preservationRequest(String to, String urgency) {
		return """
				{"to": "%s", "urgency": "%s",
				 "requestingAuthority": "Cybercrime unit", "offence": "Ransomware extortion",
				 "summaryOfFacts": "A hospital's systems were encrypted; the ransom note names a mail account.",
				 "dataToPreserve": "Subscriber data and login IP addresses of the account",
				 "relationToOffence": "The account sent the ransom demand",
				 "custodian": "Example Mail", "necessity": "The provider deletes login records after 7 days",
				 "mutualAssistanceToFollow": true}""".formatted(to, urgency);
	}

}
