package org.vigil.standalone;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.export.LedgerVerifier;
import org.vigil.audit.export.Verification;
import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.service.AuditLedgerService;
import org.vigil.audit.service.AuditProperties;
import org.vigil.audit.service.LogKeyDirectory;
import org.vigil.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit ledger in the running network: what the gateway audits reaches the ledger,
 * the export an auditor downloads verifies with nothing but the published log key, an
 * entry's inclusion proof verifies against the signed checkpoint, and the ledger's Redis
 * state, wiped, is rebuilt from Kafka to the same root.
 */
class AuditLedgerIT extends NetworkTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Duration CATCH_UP = Duration.ofSeconds(30);

	@Autowired
	AuditLedgerService ledger;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void theExportVerifiesAndAWipedLedgerIsRebuiltToTheSameRoot() throws Exception {
		Map<TopicPartition, Long> before = endOffsets(Topics.AUDIT);
		assertThat(get("fr.requester", "/api/v1/me").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = HTTP
			.send(request("fr.requester", "/api/v1/requests").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(preservationRequest("XX", "URGENT")))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isBetween(400, 499);
		auditSince(before,
				(entry) -> entry.action().equals("SUBMIT_REQUEST") && entry.outcome().startsWith("REJECTED"));
		long end = endOffsets(Topics.AUDIT).values().stream().mapToLong(Long::longValue).max().orElseThrow();
		await().atMost(CATCH_UP).until(() -> this.ledger.nextOffset() >= end);
		long written = this.ledger.ledger().size();
		assertThat(written).isPositive();

		// Time passes: the ledger signs a checkpoint of everything it holds.
		this.clock.advance(Duration.ofSeconds(11));
		await().atMost(CATCH_UP).until(() -> checkpointSize(this.ledger.latestCheckpoint().orElse(null)) >= written);

		HttpResponse<String> logKey = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/audit/log-key"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logKey.statusCode()).as("the log key is public").isEqualTo(200);
		VerifierKey key = VerifierKey.parse(logKey.body().strip());

		HttpResponse<String> export = get("net.coordinator", "/api/v1/audit/export");
		assertThat(export.statusCode()).isEqualTo(200);
		Verification verification = new LedgerVerifier(key).verify(new BufferedReader(new StringReader(export.body())));
		assertThat(verification.problems()).isEmpty();
		assertThat(verification.ok()).isTrue();
		Checkpoint latest = verification.latest().orElseThrow().checkpoint();
		assertThat(latest.size()).isGreaterThanOrEqualTo(written);
		assertThat(verification.entries()).isEqualTo(latest.size());

		HttpResponse<String> checkpoint = get("net.coordinator", "/api/v1/audit/checkpoint");
		assertThat(Checkpoint.open(checkpoint.body(), key)).isEqualTo(latest);

		// One entry, proved alone against the signed checkpoint.
		long seq = latest.size() - 1;
		JsonNode proof = json(
				get("net.coordinator", "/api/v1/audit/proof/inclusion?seq=" + seq + "&size=" + latest.size()));
		List<Hash> path = proof.get("proof").valueStream().map((hash) -> Hash.fromBase64(hash.asString())).toList();
		assertThat(new InclusionProof(seq, latest.size(), path).verify(Ledger.leafOf(verification.entry(seq)),
				latest.rootHash()))
			.isTrue();

		assertThat(get("fr.requester", "/api/v1/audit/export").statusCode()).as("a requester may not read the log")
			.isEqualTo(403);
		HttpResponse<String> bad = get("net.coordinator", "/api/v1/audit/proof/inclusion?seq=x");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");

		// Rebuild: a second ledger over keys of its own reads the topic from the start.
		long size = latest.size();
		AuditProperties rebuild = new AuditProperties(Infrastructure.get().auditKeyDir, "", 100, Duration.ofSeconds(10),
				"vigil-audit-rebuild-test", "vigil:audit-rebuild-test");
		AuditLedgerService second = rebuilt(rebuild, size);
		assertThat(second.ledger().root(size)).isEqualTo(latest.rootHash());
		second.stop();

		// Restarted over the same keys, it resumes where it was: nothing appended twice.
		long resumedAt = second.ledger().size();
		AuditLedgerService resumed = service(rebuild);
		assertThat(resumed.ledger().size()).isEqualTo(resumedAt);
		assertThat(resumed.ledger().root(size)).isEqualTo(latest.rootHash());

		// Wiped (its own keys only), it rebuilds from Kafka to the same root at the same
		// size.
		this.redis.delete(resumed.keys().all());
		AuditLedgerService fromScratch = rebuilt(rebuild, size);
		assertThat(fromScratch.ledger().root(size)).isEqualTo(latest.rootHash());
		fromScratch.stop();
		this.redis.delete(fromScratch.keys().all());
		assertThat(this.ledger.ledger().root(size)).as("the live ledger is untouched").isEqualTo(latest.rootHash());
	}

	private AuditLedgerService service(AuditProperties properties) {
		return new AuditLedgerService(properties, Infrastructure.get().kafka.bootstrapServers(), this.redis,
				LogKeyDirectory.load(properties.keyDir()), this.clock);
	}

	private AuditLedgerService rebuilt(AuditProperties properties, long size) {
		AuditLedgerService service = service(properties);
		service.start();
		await().atMost(CATCH_UP).until(() -> service.ledger().size() >= size);
		return service;
	}

	private long checkpointSize(String note) {
		return (note != null) ? Checkpoint.open(note, this.ledger.signer().verifierKey()).size() : -1;
	}

	private HttpResponse<String> get(String user, String path) throws Exception {
		return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String user, String path) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Basic " + basic);
	}

}
