package org.vigil.standalone;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.events.EventAuditor;
import org.vigil.audit.export.EntryProof;
import org.vigil.audit.export.LedgerVerifier;
import org.vigil.audit.export.Verification;
import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.service.AuditLedgerService;
import org.vigil.audit.service.AuditProperties;
import org.vigil.audit.service.LogKeyDirectory;
import org.vigil.cli.Vigil;
import org.vigil.directory.policy.StepTarget;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.PkiLayout;

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
				"vigil-audit-rebuild-test", "vigil:audit-rebuild-test", false, "unused");
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

	/**
	 * Issue #8's "done when": an auditor with only the export, the log's public key and
	 * the CLI proves that an acknowledgement happened at the recorded time and that
	 * nothing before it was changed. The receipt names the audit entry; the entry is the
	 * dispatcher's fact, copied from vigil.events; the export proves it.
	 */
	@Test
	void anAuditorProvesAnAcknowledgementFromItsReceiptWithTheExportTheLogKeyAndTheCli(@TempDir Path dir)
			throws Exception {
		OfficerId officer = onCall("DE", StepTarget.PRIMARY_ON_CALL);
		HttpResponse<String> submitted = HTTP
			.send(request("fr.requester", "/api/v1/requests").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(preservationRequest("DE", "URGENT")))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
		String id = json(submitted).get("id").asString();
		await().atMost(CATCH_UP)
			.until(() -> HTTP
				.send(request(officer.value(), "/api/v1/requests/" + id + "/acknowledgement")
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode() == 202);
		HttpResponse<byte[]> receipt = await().atMost(CATCH_UP)
			.until(() -> HTTP.send(
					request("fr.requester", "/api/v1/requests/" + id + "/receipts/ACKNOWLEDGED").GET().build(),
					HttpResponse.BodyHandlers.ofByteArray()), (answer) -> answer.statusCode() == 200);
		Path ack = Files.write(dir.resolve("ack.p7s"), receipt.body());
		Path signedRequest = Files.write(
				dir.resolve("request.p7s"), HTTP
					.send(request("fr.requester", "/api/v1/requests/" + id + "/signed").GET().build(),
							HttpResponse.BodyHandlers.ofByteArray())
					.body());

		// The requester's receipt names the audit entry of the acknowledgement.
		PkiLayout pki = Infrastructure.get().pkiLayout;
		Run verified = vigil("verify", ack.toString(), "--request", signedRequest.toString(), "--ca",
				pki.caCertificate().toString(), "--crl", pki.crl().toString());
		assertThat(verified.status()).as(verified.err()).isZero();
		Matcher named = Pattern.compile("audit entry:  (event:" + Pattern.quote(id) + ":[0-9]+)")
			.matcher(verified.out());
		assertThat(named.find()).as(verified.out()).isTrue();
		String entryId = named.group(1);
		Instant acknowledgedAt = Instant.parse(verified.out()
			.lines()
			.filter((line) -> line.startsWith("at:"))
			.findFirst()
			.orElseThrow()
			.substring(3)
			.strip());

		// The ledger numbers it; the next checkpoint covers it.
		long seq = await().atMost(CATCH_UP).until(() -> this.ledger.seqOf(entryId), Optional::isPresent).orElseThrow();
		this.clock.advance(Duration.ofSeconds(11));
		await().atMost(CATCH_UP).until(() -> checkpointSize(this.ledger.latestCheckpoint().orElse(null)) > seq);

		// Online: the proof by the receipt's entry id, with the signed checkpoint.
		HttpResponse<String> byEntry = get("net.coordinator",
				"/api/v1/audit/proof/inclusion?entry=" + URLEncoder.encode(entryId, StandardCharsets.UTF_8));
		assertThat(byEntry.statusCode()).as(byEntry.body()).isEqualTo(200);
		JsonNode online = json(byEntry);
		assertThat(online.get("seq").asLong()).isEqualTo(seq);
		VerifierKey key = VerifierKey.parse(logKey());
		List<Hash> path = online.get("proof").valueStream().map((hash) -> Hash.fromBase64(hash.asString())).toList();
		byte[] canonical = CanonicalJson.canonicalize(WireJson.write(online.get("entry")));
		Checkpoint proved = new EntryProof(canonical, new InclusionProof(seq, online.get("size").asLong(), path),
				online.get("checkpoint").asString())
			.verify(key);
		assertThat(proved.size()).isGreaterThan(seq);

		// Offline: the export, the log key and the CLI, nothing else.
		Path export = Files.writeString(dir.resolve("export.jsonl"),
				get("net.coordinator", "/api/v1/audit/export").body());
		Path logKey = Files.writeString(dir.resolve("log.pub"), logKey() + "\n");
		Run replayed = vigil("audit", "verify", export.toString(), "--log-key", logKey.toString());
		assertThat(replayed.status()).as(replayed.err()).isZero();
		assertThat(replayed.out()).contains("is a consistent audit log of");
		Run proof = vigil("audit", "prove", "--export", export.toString(), "--entry", entryId, "--log-key",
				logKey.toString());
		assertThat(proof.status()).as(proof.err()).isZero();
		assertThat(proof.out()).contains("entry " + entryId + " is seq " + seq)
			.contains("OK: entry seq " + seq + " is in the log")
			.contains("\"action\":\"REQUEST_ACKNOWLEDGED\"")
			.contains("\"actor\":\"" + officer.value() + "\"")
			.contains("\"at\":\"" + acknowledgedAt + "\"");

		// The request's whole flow, by request and by country.
		JsonNode flow = json(get("net.coordinator", "/api/v1/audit/entries?limit=1000&request=" + id));
		List<String> actions = flow.get("entries")
			.valueStream()
			.map((line) -> line.get("entry").get("action").asString())
			.toList();
		assertThat(actions).contains("SUBMIT_REQUEST", "REQUEST_ROUTED", "OFFICERS_ALERTED", "REQUEST_ACKNOWLEDGED",
				"READ_REQUEST");
		JsonNode germany = json(get("net.coordinator", "/api/v1/audit/entries?limit=1000&country=de&request=" + id));
		assertThat(germany.get("entries").size()).as("every entry of an FR to DE request concerns DE")
			.isEqualTo(flow.get("entries").size());
		JsonNode japan = json(get("net.coordinator", "/api/v1/audit/entries?country=JP&request=" + id));
		assertThat(japan.get("entries").size()).isZero();
		assertThat(get("net.coordinator", "/api/v1/audit/entries?country=XYZ").statusCode()).isEqualTo(422);
		assertThat(get("net.coordinator", "/api/v1/audit/proof/inclusion?entry=event:no-such-request:1").statusCode())
			.isEqualTo(404);
	}

	/**
	 * The events are copied at least once, the ledger numbers each fact once: a second
	 * copier that replays the whole of vigil.events adds nothing to the log.
	 */
	@Test
	void aReplayOfTheEventsAddsNoEntryTwice() throws Exception {
		long sizeBefore = this.ledger.ledger().size();
		long skippedBefore = this.ledger.skipped();
		long events = committedRecords(Topics.EVENTS);
		assertThat(events).isPositive();
		EventAuditor replay = new EventAuditor(Infrastructure.get().kafka.bootstrapServers(),
				"vigil-audit-events-replay-test-" + UUID.randomUUID());
		replay.start();
		try {
			await().atMost(CATCH_UP).until(() -> this.ledger.skipped() - skippedBefore >= events);
		}
		finally {
			replay.stop();
		}
		long end = endOffsets(Topics.AUDIT).values().stream().mapToLong(Long::longValue).max().orElseThrow();
		await().atMost(CATCH_UP).until(() -> this.ledger.nextOffset() >= end);
		// Other tests share the network and may add entries meanwhile: what matters is
		// that no entry of an event appears twice.
		List<String> ids = new ArrayList<>();
		for (long from = 0; from < this.ledger.ledger().size(); from += 1000) {
			for (byte[] bytes : this.ledger.entries(from, 1000)) {
				String entryId = WireJson.read(bytes, AuditEntry.class).id();
				if (entryId != null) {
					ids.add(entryId);
				}
			}
		}
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(this.ledger.ledger().size() - sizeBefore).isLessThan(events);
	}

	/** Who was refused what is in the log, with the problem type. */
	@Test
	void anAuthorisationDenialIsAudited() {
		Map<TopicPartition, Long> before = endOffsets(Topics.AUDIT);
		try {
			assertThat(get("fr.requester", "/api/v1/audit/entries").statusCode()).isEqualTo(403);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		List<AuditEntry> entries = auditSince(before, (entry) -> entry.action().equals("ACCESS_DENIED")
				&& entry.actor().equals("fr.requester") && entry.object().equals("/api/v1/audit/entries"));
		AuditEntry denial = entries.stream()
			.filter((entry) -> entry.action().equals("ACCESS_DENIED"))
			.findFirst()
			.orElseThrow();
		assertThat(denial.outcome()).isEqualTo("REJECTED /problems/not-allowed");
		assertThat(denial.detail()).isEqualTo("GET /api/v1/audit/entries");
	}

	/** How many committed records a topic holds now (offsets count markers too). */
	private static long committedRecords(String topic) {
		Map<TopicPartition, Long> end = endOffsets(topic);
		long count = 0;
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.assign(end.keySet());
			consumer.seekToBeginning(end.keySet());
			while (end.entrySet()
				.stream()
				.anyMatch((partition) -> consumer.position(partition.getKey()) < partition.getValue())) {
				count += consumer.poll(Duration.ofMillis(200)).count();
			}
		}
		return count;
	}

	private String logKey() throws Exception {
		return HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/audit/log-key"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString())
			.body()
			.strip();
	}

	private Run vigil(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new Vigil(Clock.fixed(this.clock.instant(), ZoneOffset.UTC),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of())
			.run(args);
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
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
