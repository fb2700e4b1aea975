package org.vigil.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.embedded.redis.RedisServer;
import org.vigil.gateway.status.AlertFrame;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.PkiLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite, bounded form: a network of two nodes (each a JVM with the directory,
 * dispatcher, gateway and audit ledger, {@link FaultNode}) on one Kafka broker and one
 * redis-server run by this test, under a steady load of requests FR → DE over the REST
 * API, with the DE officers' consoles connected over STOMP to node A. One after another:
 * Redis is wiped ({@code FLUSHALL}), Redis is restarted, the broker is restarted, and
 * node A — a dispatcher owning partitions and the gateway holding the officers' WebSocket
 * sessions — is killed with SIGKILL; the officers reconnect to node B. Then, over the
 * whole run:
 * <ol>
 * <li>no accepted request is lost: every 202 has its {@code OfficersAlerted} in Kafka,
 * and node B's read model shows it alerted (also those accepted before the wipe);</li>
 * <li>no duplicate alert: no (request, step, fence) is paged twice, and every request's
 * history is numbered 1, 2, 3… without gaps;</li>
 * <li>every deadline that passed fired, no later than the documented fail-over bound
 * (11.5 s, docs/architecture.md), and for deadlines that fell due while the broker was
 * down, that bound plus the outage;</li>
 * <li>the audit log is consistent: node B's checkpoint from before the faults and the one
 * after are proven consistent (RFC 9162) by the ledger's own proof, though Redis, which
 * holds the ledger, was wiped in between.</li>
 * </ol>
 * Each scenario's figures are logged as a {@code Fault:} line; docs/reliability.md
 * tabulates them. {@code -Dvigil.faults.scale=N} multiplies the load and each period for
 * the longer form.
 */
class FaultSuiteIT {

	private static final Logger log = LoggerFactory.getLogger(FaultSuiteIT.class);

	private static final String PASSWORD = "fault-suite";

	private static final String PKI_PASSWORD = "fault-pki";

	/** Every step's time to acknowledge; nobody acknowledges, so every one fires. */
	private static final Duration DEADLINE = Duration.ofSeconds(4);

	/** The fail-over bound of docs/architecture.md and DispatcherFailoverIT. */
	private static final Duration FAIL_OVER_BOUND = Duration.ofMillis(11_500);

	private static final int SCALE = Integer.getInteger("vigil.faults.scale", 1);

	/** Submissions per second, alternating between the two nodes. */
	private static final int RATE = 2 * SCALE;

	/** Load before and after each fault, before the next one. */
	private static final Duration PERIOD = Duration.ofSeconds(6L * SCALE);

	private static final Duration START_WITHIN = Duration.ofSeconds(180);

	@TempDir
	static Path data;

	private static RedisServer redis;

	private static KafkaBroker kafka;

	private static PkiLayout pki;

	private static Path auditKey;

	private static final Map<String, Process> nodes = new LinkedHashMap<>();

	private static final Map<String, Integer> ports = new HashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Accepted requests: id → when the 202 came. */
	private final Map<String, Instant> accepted = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	@BeforeAll
	static void startInfrastructure() throws Exception {
		redis = RedisServer.start(data.resolve("redis"), FreePorts.pick());
		kafka = KafkaBroker.start(data.resolve("kafka"), FreePorts.pick());
		pki = DevNetworkPki.ensure(data.resolve("pki"), PKI_PASSWORD.toCharArray());
		auditKey = DevLogKey.ensure(data.resolve("audit-key"));
	}

	@AfterAll
	static void stopEverything() {
		nodes.values().forEach(Process::destroyForcibly);
		if (kafka != null) {
			kafka.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void noAcceptedRequestIsLostOrPagedTwiceAndEveryDeadlineAndTheAuditLogSurviveEachFault() throws Exception {
		startNode("a");
		startNode("b");
		awaitHealthy("a");
		awaitHealthy("b");
		Map<OfficerId, ConsoleSession> officers = new LinkedHashMap<>();
		for (OfficerId officer : deOfficers()) {
			ConsoleSession session = ConsoleSession.login(ports.get("a"), officer.value(), PASSWORD);
			session.connectAlertsTo(ports.get("a"));
			officers.put(officer, session);
		}
		Checkpoint before = awaitCheckpoint(1);
		Map<String, Window> windows = new LinkedHashMap<>();
		ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
		Instant reconnectedAt;
		AtomicInteger sent = new AtomicInteger();
		load.scheduleAtFixedRate(() -> submit((sent.getAndIncrement() % 2 == 0) ? "a" : "b"), 0, 1000 / RATE,
				TimeUnit.MILLISECONDS);
		try {
			underLoad(sent, PERIOD);
			windows.put("Redis wiped (FLUSHALL)", fault(() -> flushAll()));
			underLoad(sent, PERIOD);
			windows.put("Redis restarted", fault(() -> redis.restart()));
			underLoad(sent, PERIOD);
			windows.put("broker restarted", fault(() -> kafka.restart()));
			underLoad(sent, PERIOD);
			windows.put("node A killed (dispatcher and gateway with WebSocket sessions)",
					fault(() -> nodes.get("a").destroyForcibly().waitFor()));
			// The wipe above logged everyone out (sessions live in Redis), so the
			// consoles log in again, on node B, and reconnect there.
			for (Map.Entry<OfficerId, ConsoleSession> officer : officers.entrySet()) {
				officer.getValue().close();
				ConsoleSession session = ConsoleSession.login(ports.get("b"), officer.getKey().value(), PASSWORD);
				session.connectAlertsTo(ports.get("b"));
				officer.setValue(session);
			}
			reconnectedAt = Instant.now();
			// Long enough for the group to declare node A dead and node B to fire its
			// deadlines (the fail-over bound), with load all along.
			underLoad(sent, FAIL_OVER_BOUND);
		}
		finally {
			load.shutdownNow();
			load.awaitTermination(10, TimeUnit.SECONDS);
		}
		Instant lastAccepted = this.accepted.values().stream().max(Comparator.naturalOrder()).orElseThrow();
		Instant dueBy = lastAccepted.plus(DEADLINE);

		// 1. nothing lost: in Kafka, and in the surviving node's read model
		List<RequestEvent> history = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(FaultSuiteIT::events, (events) -> Instant.now().isAfter(dueBy.plusSeconds(1))
					&& alerted(events).containsAll(this.accepted.keySet()) && missedDeadlines(events, dueBy).isEmpty());
		assertThat(alerted(history)).as("every accepted request was paged").containsAll(this.accepted.keySet());
		ConsoleSession coordinator = ConsoleSession.login(ports.get("b"), "net.coordinator", PASSWORD);
		for (String id : this.accepted.keySet()) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				HttpResponse<String> status = basic("b", "fr.requester").send(
						HttpRequest.newBuilder(uri("b", "/api/v1/requests/" + id)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(status.statusCode()).as("status of %s on node B: %s", id, status.body()).isEqualTo(200);
				assertThat(WireJson.mapper().readTree(status.body()).path("step").asInt())
					.as("%s is shown alerted: %s", id, status.body())
					.isPositive();
			});
		}
		// 2. no duplicates
		assertThat(history).filteredOn(OfficersAlerted.class::isInstance)
			.map(OfficersAlerted.class::cast)
			.extracting((alert) -> List.of(alert.requestId(), alert.step(), alert.fence()))
			.as("no (request, step, fence) paged twice")
			.doesNotHaveDuplicates();
		history.stream()
			.collect(Collectors.groupingBy(RequestEvent::requestId,
					Collectors.mapping(RequestEvent::sequence, Collectors.toList())))
			.forEach((id, numbers) -> assertThat(numbers).as("history of %s", id)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size()).boxed().toList()));
		// 3. every deadline that passed fired, within the bound
		assertThat(missedDeadlines(history, dueBy)).as("deadlines that never fired").isEmpty();
		List<StepEscalated> escalations = history.stream()
			.filter(StepEscalated.class::isInstance)
			.map(StepEscalated.class::cast)
			.toList();
		// 4. the audit log: the checkpoint from before and one after, proven consistent
		Checkpoint after = awaitCheckpoint(before.size() + 1);
		JsonNode proof = WireJson.mapper()
			.readTree(coordinator
				.getFrom(ports.get("b"),
						"/api/v1/audit/proof/consistency?from=" + before.size() + "&to=" + after.size())
				.body());
		ConsistencyProof consistency = new ConsistencyProof(before.size(), after.size(), hashes(proof.path("proof")));
		boolean auditConsistent = consistency.verify(before.rootHash(), after.rootHash());

		// Per fault: from a second before it until a second before the next (the last:
		// until the end), the load, and the worst lateness of the deadlines due then. A
		// deadline belongs to the fault whose aftermath it fell due in, never to two.
		List<Map.Entry<String, Window>> faults = new ArrayList<>(windows.entrySet());
		Map<String, Duration> worstOf = new LinkedHashMap<>();
		Map<String, Duration> boundOf = new LinkedHashMap<>();
		for (int i = 0; i < faults.size(); i++) {
			Window window = faults.get(i).getValue();
			Instant from = window.start().minusSeconds(1);
			Instant until = (i + 1 < faults.size()) ? faults.get(i + 1).getValue().start().minusSeconds(1)
					: Instant.MAX;
			long around = this.accepted.values()
				.stream()
				.filter((at) -> !at.isBefore(from) && at.isBefore(until))
				.count();
			List<StepEscalated> due = escalations.stream()
				.filter((e) -> !e.missedDeadline().isBefore(from) && e.missedDeadline().isBefore(until))
				.toList();
			StepEscalated latest = due.stream()
				.max(Comparator.comparing((e) -> Duration.between(e.missedDeadline(), e.at())))
				.orElse(null);
			Duration worst = worst(due);
			Duration bound = FAIL_OVER_BOUND.plus(window.length());
			worstOf.put(faults.get(i).getKey(), worst);
			boundOf.put(faults.get(i).getKey(), bound);
			log.info(
					"Fault: {} | {} accepted after it, until the next | {} s outage | lost 0 | duplicates 0 | {} "
							+ "deadlines due, worst lateness {} ms (due {} ms after the fault began), bound {} ms | "
							+ "audit consistent {}",
					faults.get(i).getKey(), around, window.length().toMillis() / 1000.0, due.size(), worst.toMillis(),
					(latest != null) ? Duration.between(window.start(), latest.missedDeadline()).toMillis() : "-",
					bound.toMillis(), auditConsistent);
		}
		worstOf.forEach((fault, worst) -> assertThat(worst).as("worst lateness after: %s", fault)
			.isLessThanOrEqualTo(boundOf.get(fault)));
		log.info(
				"Fault suite: {} requests accepted, {} refused while something was down, {} events, {} deadlines "
						+ "fired; audit checkpoints {} → {}",
				this.accepted.size(), this.refused.get(), history.size(), escalations.size(), before.size(),
				after.size());
		assertThat(auditConsistent).as("audit checkpoint %s is consistent with %s", before.size(), after.size())
			.isTrue();
		assertOfficersCaughtUp(officers, reconnectedAt);
		officers.values().forEach(ConsoleSession::close);
		coordinator.close();
	}

	/**
	 * The consoles that were on node A are served by node B: live frames for requests
	 * accepted after they reconnected, and an alert list holding every request that, by
	 * the committed events read just before and just after it, pages the officer.
	 */
	private void assertOfficersCaughtUp(Map<OfficerId, ConsoleSession> officers, Instant reconnectedAt)
			throws Exception {
		Set<String> after = this.accepted.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isAfter(reconnectedAt))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		assertThat(after).as("requests accepted after the officers reconnected").isNotEmpty();
		boolean framed = false;
		for (ConsoleSession officer : officers.values()) {
			AlertFrame frame;
			while ((frame = officer.nextAlert(Duration.ofMillis(200))) != null) {
				framed |= frame.kind().equals(AlertFrame.ALERT) && after.contains(frame.requestId());
			}
		}
		assertThat(framed).as("an ALERT frame reached a console reconnected to node B").isTrue();
		for (Map.Entry<OfficerId, ConsoleSession> officer : officers.entrySet()) {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				Set<String> before = paging(events(), officer.getKey());
				HttpResponse<String> alerts = officer.getValue().getFrom(ports.get("b"), "/api/v1/alerts");
				Set<String> still = paging(events(), officer.getKey());
				still.retainAll(before);
				assertThat(alerts.statusCode()).isEqualTo(200);
				Set<String> listed = new java.util.HashSet<>();
				WireJson.mapper().readTree(alerts.body()).forEach((status) -> listed.add(status.path("id").asString()));
				assertThat(listed).as("alert list of %s on node B", officer.getKey()).containsAll(still);
			});
		}
	}

	/** Requests whose latest committed event pages this officer. */
	private static Set<String> paging(List<RequestEvent> events, OfficerId officer) {
		Map<RequestId, RequestEvent> latest = new HashMap<>();
		events.forEach((event) -> latest.merge(event.requestId(), event,
				(one, other) -> (one.sequence() >= other.sequence()) ? one : other));
		return latest.values()
			.stream()
			.filter((event) -> event instanceof OfficersAlerted alerted && alerted.officers().contains(officer))
			.map((event) -> event.requestId().value())
			.collect(Collectors.toSet());
	}

	private record Window(Instant start, Instant end) {

		Duration length() {
			return Duration.between(this.start, this.end);
		}

	}

	@FunctionalInterface
	private interface Fault {

		void inject() throws Exception;

	}

	private static Window fault(Fault fault) throws Exception {
		Instant start = Instant.now();
		fault.inject();
		return new Window(start, Instant.now());
	}

	/**
	 * Lets the load run until it has sent a period's worth of requests more (the load's
	 * own schedule is the clock). A submission blocked by a fault (up to its 15 s
	 * timeout) holds the schedule back, which then catches up at once: hence the generous
	 * bound.
	 */
	private static void underLoad(AtomicInteger sent, Duration period) {
		long target = sent.get() + period.toMillis() * RATE / 1000;
		await().atMost(period.multipliedBy(3).plusSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> sent.get() >= target);
	}

	private void submit(String node) {
		String id = RequestId.random().value();
		try {
			HttpResponse<String> response = basic(node, "fr.requester")
				.send(HttpRequest.newBuilder(uri(node, "/api/v1/requests"))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(15))
					.POST(HttpRequest.BodyPublishers.ofString(form(id)))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 202) {
				this.accepted.put(id, Instant.now());
			}
			else {
				this.refused.incrementAndGet();
			}
		}
		catch (IOException | InterruptedException ex) {
			this.refused.incrementAndGet();
		}
	}

	private BasicClient basic(String node, String user) {
		return new BasicClient(this.http, user);
	}

	/** HTTP Basic, as a national system calls the API. */
	private record BasicClient(HttpClient http, String user) {

		HttpResponse<String> send(HttpRequest request, HttpResponse.BodyHandler<String> body)
				throws IOException, InterruptedException {
			HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
			copy.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((this.user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
			return this.http.send(copy.build(), body);
		}

	}

	private static URI uri(String node, String path) {
		return URI.create("http://127.0.0.1:" + ports.get(node) + path);
	}

	private static String form(String id) {
		return """
				{"id": "%s", "to": "DE", "urgency": "URGENT",
				 "requestingAuthority": "Cybercrime unit", "offence": "Ransomware extortion",
				 "summaryOfFacts": "A hospital's systems were encrypted.",
				 "dataToPreserve": "Subscriber data of the account",
				 "relationToOffence": "The account sent the ransom demand",
				 "custodian": "Example Mail", "necessity": "Deleted after 7 days",
				 "mutualAssistanceToFollow": true}""".formatted(id);
	}

	private static void flushAll() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", redis.port())) {
			OutputStream out = socket.getOutputStream();
			out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] reply = new byte[5];
			int read = socket.getInputStream().read(reply);
			assertThat(new String(reply, 0, Math.max(read, 0), StandardCharsets.US_ASCII)).startsWith("+OK");
		}
	}

	private Checkpoint awaitCheckpoint(long atLeast) throws Exception {
		ConsoleSession coordinator = ConsoleSession.login(ports.get("b"), "net.coordinator", PASSWORD);
		VerifierKey key = VerifierKey
			.parse(coordinator.getFrom(ports.get("b"), "/api/v1/audit/log-key").body().strip());
		try {
			return await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> Checkpoint.open(coordinator.getFrom(ports.get("b"), "/api/v1/audit/checkpoint").body(),
						key), (checkpoint) -> checkpoint.size() >= atLeast);
		}
		finally {
			coordinator.close();
		}
	}

	private static List<Hash> hashes(JsonNode array) {
		List<Hash> hashes = new ArrayList<>();
		array.forEach((hash) -> hashes.add(Hash.fromBase64(hash.asString())));
		return hashes;
	}

	private static List<OfficerId> deOfficers() {
		ContactPoint de = SeedDirectory.demo()
			.contactPoints()
			.stream()
			.filter((cp) -> cp.country().equals(CountryCode.of("DE")))
			.findFirst()
			.orElseThrow();
		return de.officers().stream().filter((o) -> o.roles().contains(Role.OFFICER)).map(Officer::id).toList();
	}

	private static void startNode(String name) throws Exception {
		int port = FreePorts.pick();
		ports.put(name, port);
		Path logFile = Path.of("target", "fault-node-" + name + ".log");
		Files.createDirectories(logFile.getParent());
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), FaultNode.class.getName(), "--server.address=127.0.0.1",
				"--server.port=" + port, "--vigil.gateway.mtls.port=" + FreePorts.pick(),
				"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redis.port(), "--vigil.gateway.pki-dir=" + pki.root(),
				"--vigil.gateway.pki-password=" + PKI_PASSWORD, "--vigil.directory.pki-dir=" + pki.root(),
				"--vigil.directory.pki-password=" + PKI_PASSWORD, "--vigil.audit.key-dir=" + auditKey,
				// Each node keeps a ledger of its own: the ledger has one writer.
				"--vigil.audit.key-prefix=vigil:audit-" + name, "--vigil.audit.consumer-group=vigil-audit-" + name,
				"--vigil.audit.checkpoint-interval=1s", "--vigil.gateway.demo-password=" + PASSWORD,
				"--vigil.gateway.requests-per-minute=0",
				"--vigil.dispatcher.deadline-override=" + DEADLINE.toSeconds() + "s",
				"--vigil.dispatcher.session-timeout=6s",
				"--vigil.dispatcher.state-dir=" + data.resolve("state-" + name),
				"--logging.level.org.apache.kafka=WARN");
		nodes.put(name, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start());
	}

	private void awaitHealthy(String name) {
		await().atMost(START_WITHIN).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			assertThat(nodes.get(name).isAlive()).as("node %s runs (target/fault-node-%s.log)", name, name).isTrue();
			HttpResponse<String> health = this.http.send(HttpRequest.newBuilder(uri(name, "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
		});
	}

	private static Set<String> alerted(List<RequestEvent> events) {
		return events.stream()
			.filter(OfficersAlerted.class::isInstance)
			.map((event) -> event.requestId().value())
			.collect(Collectors.toSet());
	}

	private static List<OfficersAlerted> missedDeadlines(List<RequestEvent> events, Instant dueBy) {
		Set<List<Object>> fired = events.stream()
			.filter(StepEscalated.class::isInstance)
			.map(StepEscalated.class::cast)
			.map((e) -> List.<Object>of(e.requestId(), e.fromStep(), e.missedDeadline()))
			.collect(Collectors.toSet());
		return events.stream()
			.filter(OfficersAlerted.class::isInstance)
			.map(OfficersAlerted.class::cast)
			.filter((alert) -> !alert.deadline().isAfter(dueBy))
			.filter((alert) -> !fired.contains(List.of(alert.requestId(), alert.step(), alert.deadline())))
			.toList();
	}

	private static Duration worst(List<StepEscalated> escalations) {
		return escalations.stream()
			.map((e) -> Duration.between(e.missedDeadline(), e.at()))
			.max(Comparator.naturalOrder())
			.orElse(Duration.ZERO);
	}

	private static List<RequestEvent> events() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<RequestEvent> events = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
				consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> events.add(WireJson.read(record.value(), RequestEvent.class)));
			}
		}
		return events;
	}

}
