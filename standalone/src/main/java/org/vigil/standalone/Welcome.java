package org.vigil.standalone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.vigil.directory.oncall.OnCall;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.policy.StepTarget;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.PkiLayout;

/**
 * What a newcomer needs once the network is up: where the console is, whom to log in as,
 * and who is on call right now, so they know which tab will ring.
 */
final class Welcome {

	private Welcome() {
	}

	static void print(ConfigurableApplicationContext context, EmbeddedInfrastructure infrastructure, PkiLayout pki,
			Duration startup) {
		Environment environment = context.getEnvironment();
		String host = environment.getProperty("server.address", "127.0.0.1");
		String console = "http://" + host + ":" + environment.getProperty("local.server.port");
		String password = environment.getProperty("vigil.gateway.demo-password", "");
		DirectoryView directory = context.getBean(DirectoryView.class);
		Instant now = context.getBean(Clock.class).instant();
		StringBuilder text = new StringBuilder();
		text.append("\n=====================================================================\n");
		text.append(" Vigil is running (ready in ").append(startup.toMillis() / 1000.0).append(" s)\n\n");
		text.append(" Console:  ").append(console).append("/\n");
		text.append(" Health:   ").append(console).append("/actuator/health\n");
		String mtls = environment.getProperty("vigil.gateway.mtls.port");
		if (mtls != null && !mtls.isBlank()) {
			CountryCode france = CountryCode.of("FR");
			text.append(" mTLS:     https://")
				.append(host)
				.append(':')
				.append(mtls)
				.append("/api/v1/  (national systems, with their TLS client certificate; e.g.\n")
				.append("            curl --cacert ")
				.append(pki.caCertificate())
				.append(" \\\n              --cert ")
				.append(pki.partyTlsClientCertificatePem(france))
				.append(" --key ")
				.append(pki.partyTlsClientKeyPem(france))
				.append(" \\\n              https://")
				.append(host)
				.append(':')
				.append(mtls)
				.append("/api/v1/me)\n");
		}
		text.append(" Kafka:    ").append(infrastructure.bootstrapServers()).append(" (KRaft, in this JVM)\n");
		text.append(" Redis:    127.0.0.1:")
			.append(infrastructure.redisPort())
			.append(" (")
			.append(infrastructure.redisBinary())
			.append(")\n");
		text.append(" PKI:      ")
			.append(pki.root())
			.append("\n            (dev network CA: verify receipts with ")
			.append(pki.caCertificate().getFileName())
			.append(" and ")
			.append(pki.crl().getFileName())
			.append(")\n\n");
		text.append(" Demo logins, all with password '").append(password).append("':\n");
		text.append(String.format("   %-4s %-16s %-34s %s%n", "", "requester", "on call now (primary, secondary)",
				"supervisor"));
		directory.contactPoints()
			.stream()
			.sorted(Comparator.comparing((ContactPoint contactPoint) -> contactPoint.country().value()))
			.forEach((contactPoint) -> text.append(String.format("   %-4s %-16s %-34s %s%n", contactPoint.country(),
					contactPoint.country().value().toLowerCase() + ".requester", onCall(contactPoint, now),
					supervisors(contactPoint))));
		directory.network()
			.map(NetworkSettings::coordinators)
			.ifPresent((coordinators) -> text.append("   network coordinator: ")
				.append(coordinators.stream().map((officer) -> officer.id().value()).collect(Collectors.joining(", ")))
				.append('\n'));
		text.append("\n Try it: log in as an on-call officer in one browser window and as a\n");
		text.append(" requester of another country in a private window; file a request.\n");
		text.append(" Stop with Ctrl+C; data stays in ")
			.append(environment.getProperty("vigil.standalone.data-dir", ".vigil-data"));
		text.append("\n=====================================================================\n");
		System.out.println(text);
	}

	private static String onCall(ContactPoint contactPoint, Instant now) {
		String primary = OnCall.page(contactPoint, StepTarget.PRIMARY_ON_CALL, now)
			.map((paging) -> String.join(", ", paging.officers().stream().map(Object::toString).toList()))
			.orElse("nobody");
		String secondary = OnCall.page(contactPoint, StepTarget.SECONDARY_ON_CALL, now)
			.map((paging) -> String.join(", ", paging.officers().stream().map(Object::toString).toList()))
			.orElse("nobody");
		return primary + ", " + secondary;
	}

	private static String supervisors(ContactPoint contactPoint) {
		return contactPoint.officers()
			.stream()
			.filter((officer) -> officer.hasRole(Role.SUPERVISOR))
			.map(Officer::id)
			.map(Object::toString)
			.collect(Collectors.joining(", "));
	}

}
