package org.vigil.standalone;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.vigil.audit.service.AuditLedgerConfiguration;
import org.vigil.directory.publication.DirectoryServiceConfiguration;
import org.vigil.dispatcher.DispatcherConfiguration;
import org.vigil.gateway.GatewayConfiguration;
import org.vigil.notifier.NotifierConfiguration;
import org.vigil.protocol.pki.PkiLayout;

/**
 * Directory, dispatcher, gateway, audit ledger and (when configured) notifier in one
 * application context. {@link #main} first starts the embedded Kafka broker and
 * redis-server, then the network on them, then prints where to go.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ DirectoryServiceConfiguration.class, DispatcherConfiguration.class, GatewayConfiguration.class,
		AuditLedgerConfiguration.class, NotifierConfiguration.class })
public class StandaloneApplication {

	/**
	 * Demo logins and short deadlines (application-demo.yml); only {@link #main} turns it
	 * on.
	 */
	static final String DEMO_PROFILE = "demo";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		long started = System.nanoTime();
		Path dataDir = Path.of(setting(args, "vigil.standalone.data-dir", "VIGIL_DATA_DIR", ".vigil-data"));
		int kafkaPort = Integer.parseInt(setting(args, "vigil.standalone.kafka-port", "VIGIL_KAFKA_PORT", "0"));
		int redisPort = Integer.parseInt(setting(args, "vigil.standalone.redis-port", "VIGIL_REDIS_PORT", "0"));
		String pkiPassword = setting(args, "vigil.standalone.pki-password", "VIGIL_PKI_PASSWORD",
				DevNetworkPki.DEFAULT_PASSWORD);
		PkiLayout pki = DevNetworkPki.ensure(dataDir.resolve("pki"), pkiPassword.toCharArray());
		Path auditKey = DevLogKey.ensure(dataDir.resolve("audit-key"));
		String totpKey = DevTotpKey.ensure(dataDir.resolve("totp-key"));
		String linkKey = DevLinkKey.ensure(dataDir.resolve("link-key"));
		List<String> vapid = DevVapidKeys.ensure(dataDir.resolve("vapid-keys"));
		EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDir, kafkaPort, redisPort);
		SpringApplication application = new SpringApplication(StandaloneApplication.class);
		application.setAdditionalProfiles(DEMO_PROFILE);
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
		defaults.put("spring.data.redis.host", "127.0.0.1");
		defaults.put("spring.data.redis.port", infrastructure.redisPort());
		defaults.put("vigil.gateway.pki-dir", pki.root().toString());
		defaults.put("vigil.gateway.pki-password", pkiPassword);
		defaults.put("vigil.directory.pki-dir", pki.root().toString());
		defaults.put("vigil.directory.pki-password", pkiPassword);
		defaults.put("vigil.audit.key-dir", auditKey.toString());
		defaults.put("vigil.gateway.totp.encryption-key", totpKey);
		defaults.put("vigil.gateway.ack-link-key", linkKey);
		defaults.put("vigil.notifier.link-key", linkKey);
		defaults.put("vigil.notifier.push.vapid-public-key", vapid.get(0));
		defaults.put("vigil.notifier.push.vapid-private-key", vapid.get(1));
		defaults.put("vigil.gateway.push-public-key", vapid.get(0));
		application.setDefaultProperties(defaults);
		// Our own hook, so that Kafka and Redis stop only after every service has let go
		// of them.
		application.setRegisterShutdownHook(false);
		ConfigurableApplicationContext context;
		try {
			context = application.run(args);
		}
		catch (RuntimeException ex) {
			infrastructure.close();
			throw ex;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			context.close();
			infrastructure.close();
		}, "vigil-standalone-shutdown"));
		Welcome.print(context, infrastructure, pki, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * A setting read before Spring starts: {@code --name=value}, then a system property,
	 * then the environment.
	 */
	private static String setting(String[] args, String name, String environment, String fallback) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		String value = System.getProperty(name, System.getenv(environment));
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
