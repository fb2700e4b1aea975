package org.vigil.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.audit.service.AuditLedgerService;
import org.vigil.audit.service.LogKeyDirectory;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.embedded.redis.RedisServer;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit ledger runs on its own, as its container does (docker-compose.yml), with
 * nothing but environment-style settings, a real broker and a real redis-server: it
 * sequences an entry, signs a checkpoint, says it is up, serves the public log key, and
 * refuses the log itself to a caller it cannot authenticate.
 */
class AuditApplicationIT {

	@TempDir
	Path dir;

	@Test
	void runsAloneSequencesEntriesAndRefusesTheLogWithoutALogin() throws Exception {
		try (KafkaBroker kafka = KafkaBroker.start(this.dir.resolve("kafka"), FreePorts.pick());
				RedisServer redis = RedisServer.start(this.dir.resolve("redis"), FreePorts.pick())) {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic(Topics.AUDIT, 1, (short) 1))).all().get();
			}
			Path keyDir = this.dir.resolve("audit-key");
			LogKeyDirectory.create(keyDir, "vigil/audit");
			try (ConfigurableApplicationContext context = new SpringApplication(AuditApplication.class).run(
					"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
					"--vigil.audit.key-dir=" + keyDir, "--vigil.audit.checkpoint-every=1", "--server.port=0",
					"--server.address=127.0.0.1")) {
				try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
						new StringSerializer(), new ByteArraySerializer())) {
					AuditEntry entry = new AuditEntry(Instant.now(), "fr.requester", "LOGIN", "-", "ACCEPTED", "",
							"correlation-1", null);
					producer.send(new ProducerRecord<>(Topics.AUDIT, "-", WireJson.write(entry))).get();
				}
				AuditLedgerService ledger = context.getBean(AuditLedgerService.class);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> ledger.ledger().size() == 1 && ledger.latestCheckpoint().isPresent());

				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				assertThat(get(port, "/actuator/health").body()).contains("\"UP\"");
				assertThat(get(port, "/api/v1/audit/log-key").body()).startsWith("vigil/audit+");
				assertThat(get(port, "/api/v1/audit/checkpoint").statusCode()).isEqualTo(403);
				assertThat(get(port, "/api/v1/audit/export").statusCode()).isEqualTo(403);
			}
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
