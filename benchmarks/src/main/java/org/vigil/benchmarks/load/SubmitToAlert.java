package org.vigil.benchmarks.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.party.Role;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.FreePorts;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.PkiLayout;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsSigner;

/**
 * Submit → alert latency of the whole network, and the raw Kafka floor, in one run.
 *
 * <p>
 * Starts the standalone network (its boot jar, in a child JVM) on free loopback ports,
 * logs in {@code fr.requester} and every officer of DE, opens their STOMP alert channels,
 * then files preservation requests FR → DE through {@code POST /api/v1/requests} at a
 * fixed rate. The sender is open-loop: request i is due at start + i / rate whatever
 * happened to the earlier ones, so a stall shows as latency instead of as fewer requests
 * (no coordinated omission). Per request it records when the HTTP 202 arrived and when
 * the ALERT frame reached an officer's socket: "accepted → alert" is the figure the aim
 * is about; "intended send → alert" adds the HTTP call and any sender lag.
 *
 * <p>
 * By default the requests are signed as FR's national system would sign them (CMS over
 * the canonical JSON, with FR's signing key from the network's dev PKI in the
 * standalone's data folder) and posted with the routing headers
 * ({@code --submit=signed}); with {@code --submit=json} they are filed as JSON by a
 * logged-in requester, as the console does, and the network signs them on FR's behalf.
 * The officer who gets the ALERT frame acknowledges it over the API at once
 * ({@code --acknowledge=false} to leave the alerts alone), and the tool measures
 * acknowledgement (202) → the CLEARED frame that says "acknowledged by", which the
 * gateway pushes once it has projected the {@code RequestAcknowledged} event; the
 * ACKNOWLEDGED receipt is signed on the same thread just after, and a sample of them is
 * downloaded at the end. A progress line comes every {@code --progress-seconds} (5).
 *
 * <p>
 * The path has two Kafka hops: the gateway's producer → {@code vigil.requests} → the
 * dispatcher (Kafka Streams, exactly-once), and the dispatcher's transactional producer →
 * {@code vigil.events} → the gateway's projector (read_committed); then Redis pub/sub and
 * STOMP. The floor sends, on the same broker and at the same rate, a record of the size
 * of a real {@code SubmitRequest} through a bare acks=all producer to a consumer that at
 * once sends a record of the size of a real {@code OfficersAlerted} through a second
 * producer to a second consumer: two plain hops, no transactions, no HTTP, no Redis.
 */
public final class SubmitToAlert {

	/** Scratch topics of the floor; not Vigil's, so not in {@code Topics}. */
	private static final String FLOOR_HOP_1 = "bench.floor.hop1";

	private static final String FLOOR_HOP_2 = "bench.floor.hop2";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "vigil-demo";

	/** The standalone's dev PKI password ({@code vigil.standalone.pki-password}). */
	private static final String DEV_PKI_PASSWORD = "vigil-dev-pki";

	private static final CountryCode FRANCE = CountryCode.of("FR");

	private SubmitToAlert() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new Options(args);
		Path jar = Path.of(options.text("standalone-jar", "standalone/target/vigil-standalone-0.1.0-SNAPSHOT.jar"));
		int seconds = options.integer("seconds", 30);
		// Two minutes after a start on two cores, the network's JIT compiler still
		// takes half its CPU (docs/benchmarks.md): a shorter warm-up measures the
		// compiler.
		int warmupSeconds = options.integer("warmup-seconds", 90);
		int floorLinger = options.integer("floor-linger-ms", 0);
		boolean signed = options.text("submit", "signed").equals("signed");
		boolean acknowledge = Boolean.parseBoolean(options.text("acknowledge", "true"));
		int progressSeconds = options.integer("progress-seconds", 5);
		List<Integer> rates = java.util.Arrays.stream(options.text("rates", "100,1000").split(","))
			.map(Integer::parseInt)
			.toList();
		List<String> networkSettings = new ArrayList<>();
		for (String setting : List.of("commit-interval", "tick")) {
			String value = options.text(setting + "-ms", null);
			if (value != null) {
				networkSettings.add("--vigil.dispatcher." + setting + "=" + value + "ms");
			}
		}
		// Any other setting of the network, for comparing configurations in one session.
		String extra = options.text("network-args", "");
		if (!extra.isBlank()) {
			networkSettings.addAll(List.of(extra.trim().split("\\s+")));
		}
		Path data = Files.createTempDirectory("vigil-submit-to-alert-");
		int httpPort = FreePorts.pick();
		int kafkaPort = FreePorts.pick();
		int mtlsPort = FreePorts.pick();
		boolean mutualTls = options.text("auth", "mtls").equals("mtls");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + options.text("network-heap", "1g"), "-jar", jar.toString(),
				"--vigil.standalone.data-dir=" + data, "--vigil.standalone.kafka-port=" + kafkaPort,
				"--server.address=127.0.0.1", "--server.port=" + httpPort, "--vigil.gateway.mtls.port=" + mtlsPort,
				// Every step gets an hour, so no ladder escalates while we
				// measure.
				"--vigil.dispatcher.deadline-override=3600s",
				// One requester sends everything: the per-person limit would
				// measure the limit, not the path.
				"--vigil.gateway.requests-per-minute=0"));
		command.addAll(networkSettings);
		System.out.println("network: " + String.join(" ", command.subList(1, command.size())));
		System.out.println("load average at start: " + Percentiles.loadAverage());
		Process network = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.resolve("standalone.log").toFile())
			.start();
		try {
			URI base = URI.create("http://127.0.0.1:" + httpPort);
			awaitHealthy(base, network, data.resolve("standalone.log"));
			String bootstrap = "127.0.0.1:" + kafkaPort;
			Session requester = Session.login(base, "fr.requester");
			PkiLayout pki = new PkiLayout(data.resolve("pki"));
			CmsSigner signer = new CmsSigner(
					Credential.readPkcs12(pki.partySigning(FRANCE), DEV_PKI_PASSWORD.toCharArray()), Clock.systemUTC());
			NationalSystemClient france = mutualTls
					? NationalSystemClient.mutualTls(mtlsPort,
							Credential.readPkcs12(pki.partyTlsClient(FRANCE), DEV_PKI_PASSWORD.toCharArray()),
							readCertificate(pki.caCertificate()), signer)
					: NationalSystemClient.basic(base, "fr.requester", PASSWORD, signer);
			List<StompAlerts> channels = new ArrayList<>();
			Map<String, Long> alerted = new ConcurrentHashMap<>();
			Map<String, Long> ackSent = new ConcurrentHashMap<>();
			Map<String, Long> ackAccepted = new ConcurrentHashMap<>();
			Map<String, Long> ackSeen = new ConcurrentHashMap<>();
			Set<String> ackRefused = ConcurrentHashMap.newKeySet();
			// Wall-clock split of the path at the dispatcher's clock (the frame's "at",
			// when
			// the dispatcher paged): everything is on this host, so one clock.
			Map<String, Instant> dispatched = new ConcurrentHashMap<>();
			Map<String, Instant> alertedAt = new ConcurrentHashMap<>();
			ContactPoint de = SeedDirectory.demo()
				.contactPoints()
				.stream()
				.filter((cp) -> cp.country().equals(CountryCode.of("DE")))
				.findFirst()
				.orElseThrow();
			for (Officer officer : de.officers()) {
				if (officer.roles().contains(Role.OFFICER)) {
					Session session = Session.login(base, officer.id().value());
					channels.add(StompAlerts.open(session.http, base, session.cookieHeader(), (frame, nanos) -> {
						String id = frame.path("requestId").asString();
						String kind = frame.path("kind").asString();
						if ("ALERT".equals(kind)) {
							alertedAt.putIfAbsent(id, Instant.now());
							dispatched.putIfAbsent(id, Instant.parse(frame.path("at").asString()));
							if (alerted.putIfAbsent(id, nanos) == null && acknowledge) {
								// The officer paged acknowledges at once, as a simulated
								// officer would press the button.
								ackSent.put(id, System.nanoTime());
								session.postAsync("/api/v1/requests/" + id + "/acknowledgement", null)
									.whenComplete((response, failure) -> {
										if (failure == null && response.statusCode() == 202) {
											ackAccepted.put(id, System.nanoTime());
										}
										else {
											ackRefused.add(id);
										}
									});
							}
						}
						else if ("CLEARED".equals(kind) && frame.path("reason").asString().startsWith("acknowledged")) {
							ackSeen.putIfAbsent(id, nanos);
						}
					}));
				}
			}
			System.out.printf("logged in fr.requester and %d DE officers, STOMP subscribed%n", channels.size());
			// Each rate: the network, then the floor at once, under the same conditions.
			int[] sizes = null;
			Acknowledgements acks = new Acknowledgements(ackSent, ackAccepted, ackSeen, ackRefused);
			Sender sender = signed ? (id) -> france.submit(request(id))
					: (id) -> requester.postAsync("/api/v1/requests", form(id));
			System.out.printf("submitting %s as fr.requester; officers %s%n",
					signed ? "signed requests (CMS, FR's key) over " + (mutualTls ? "mutual TLS" : "HTTP Basic")
							: "JSON over a console session",
					acknowledge ? "acknowledge every alert" : "leave the alerts alone");
			Optional<ThreadCpu> cpu = ThreadCpu.of(network.pid());
			for (int rate : rates) {
				submissions(sender, alerted, dispatched, alertedAt, acks, rate, warmupSeconds, false, progressSeconds,
						Optional.empty());
				Percentiles[] figures = submissions(sender, alerted, dispatched, alertedAt, acks, rate, seconds, true,
						progressSeconds, cpu);
				if (acknowledge) {
					sampleReceipts(france, acks, 20);
				}
				if (sizes == null) {
					sizes = new int[] { typicalSize(bootstrap, Topics.REQUESTS, "SubmitRequest"),
							typicalSize(bootstrap, Topics.EVENTS, "OfficersAlerted") };
					System.out.printf("record sizes on the path: SubmitRequest %d B, OfficersAlerted %d B%n", sizes[0],
							sizes[1]);
					KafkaSetup.createTopics(bootstrap, List.of(FLOOR_HOP_1, FLOOR_HOP_2), false);
				}
				Percentiles floor = floor(bootstrap, sizes, floorLinger, rate, warmupSeconds, seconds);
				System.out.printf(Locale.ROOT,
						"%n== ratio to the floor at %d req/s (p99 / floor p99 %.2f ms): "
								+ "accepted → alert %.1f×, acknowledged → shown %s%n",
						rate, floor.millis(99), figures[0].millis(99) / floor.millis(99), (figures[1].count() > 0)
								? String.format(Locale.ROOT, "%.1f×", figures[1].millis(99) / floor.millis(99)) : "-");
			}
			channels.forEach(StompAlerts::close);
		}
		finally {
			network.destroy();
			network.waitFor();
		}
	}

	/**
	 * Sends at a rate for a time, waits for the alerts and acknowledgements, and prints
	 * the figures if {@code report}.
	 * @param cpu where to read the network's CPU time, thread by thread, while it
	 * measures
	 * @return accepted → alert and acknowledged → shown, for the ratio to the floor
	 */
	private static Percentiles[] submissions(Sender sender, Map<String, Long> alerted, Map<String, Instant> dispatched,
			Map<String, Instant> alertedAt, Acknowledgements acks, int rate, int seconds, boolean report,
			int progressSeconds, Optional<ThreadCpu> cpu) throws Exception {
		int count = rate * seconds;
		Map<String, Long> intended = new ConcurrentHashMap<>();
		Map<String, Long> accepted = new ConcurrentHashMap<>();
		Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
		AtomicInteger refused = new AtomicInteger();
		AtomicReference<String> firstRefusal = new AtomicReference<>();
		String loadBefore = Percentiles.loadAverage();
		Map<Long, ThreadCpu.Used> cpuBefore = cpu.map(ThreadCpu::snapshot).orElse(Map.of());
		long cpuFrom = System.nanoTime();
		long start = System.nanoTime() + 100_000_000L;
		long maxLag = 0;
		ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "progress");
			thread.setDaemon(true);
			return thread;
		});
		progress.scheduleAtFixedRate(() -> {
			long alertedNow = intended.keySet().stream().filter(alerted::containsKey).count();
			Percentiles latest = new Percentiles("accepted → ALERT so far");
			accepted.forEach((id, ok) -> {
				Long frame = alerted.get(id);
				if (frame != null) {
					latest.recordMicros((frame - ok) / 1000);
				}
			});
			long acked = intended.keySet().stream().filter(acks.sent()::containsKey).count();
			long ackSeen = intended.keySet().stream().filter(acks.seen()::containsKey).count();
			System.out.printf(Locale.ROOT,
					"[%s %d req/s, %3.0f s] sent %d/%d, accepted %d, refused %d, alerted %d, acknowledged %d, "
							+ "acknowledgement seen %d; accepted → alert so far p50 %s p99 %s; load %s%n",
					report ? "measure" : "warm-up", rate, (System.nanoTime() - start) / 1e9, intended.size(), count,
					accepted.size(), refused.get(), alertedNow, acked, ackSeen, latest.millisAt(50),
					latest.millisAt(99), Percentiles.loadAverage().split(" ")[0]);
		}, progressSeconds, progressSeconds, TimeUnit.SECONDS);
		for (int i = 0; i < count; i++) {
			long due = start + i * 1_000_000_000L / rate;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			maxLag = Math.max(maxLag, System.nanoTime() - due);
			String id = RequestId.random().value();
			intended.put(id, due);
			sender.send(id).whenComplete((response, failure) -> {
				if (failure == null && response.statusCode() == 202) {
					accepted.put(id, System.nanoTime());
					acceptedAt.put(id, Instant.now());
				}
				else {
					refused.incrementAndGet();
					firstRefusal.compareAndSet(null,
							(failure != null) ? failure.toString() : response.statusCode() + " " + response.body());
				}
			});
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		long giveUp = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < giveUp
				&& intended.keySet().stream().filter(alerted::containsKey).count() + refused.get() < count) {
			Thread.sleep(100);
		}
		while (System.nanoTime() < giveUp && intended.keySet()
			.stream()
			.filter(acks.sent()::containsKey)
			.anyMatch((id) -> !acks.seen().containsKey(id) && !acks.failedFor(id))) {
			Thread.sleep(100);
		}
		progress.shutdownNow();
		Map<Long, ThreadCpu.Used> cpuAfter = cpu.map(ThreadCpu::snapshot).orElse(Map.of());
		double cpuSeconds = (System.nanoTime() - cpuFrom) / 1e9;
		if (!report) {
			System.out.printf("warm-up at %d req/s: %d sent, %d alerted, %d refused%n", rate, count,
					intended.keySet().stream().filter(alerted::containsKey).count(), refused.get());
			return null;
		}
		Percentiles acceptedToAlert = new Percentiles("accepted (202) → ALERT frame");
		Percentiles sendToAlert = new Percentiles("intended send → ALERT frame");
		Percentiles sendToAccepted = new Percentiles("intended send → 202 (HTTP)");
		Percentiles acceptedToDispatched = new Percentiles("  of which accepted → dispatcher paged (at)");
		Percentiles dispatchedToAlert = new Percentiles("  of which dispatcher paged (at) → frame");
		Percentiles ackToAccepted = new Percentiles("acknowledge sent → 202 (HTTP)");
		Percentiles ackToSeen = new Percentiles("acknowledged (202) → CLEARED 'acknowledged'");
		for (String id : intended.keySet()) {
			Long sent = acks.sent().get(id);
			Long ok = acks.accepted().get(id);
			Long seen = acks.seen().get(id);
			if (sent != null && ok != null) {
				ackToAccepted.recordMicros((ok - sent) / 1000);
				if (seen != null) {
					ackToSeen.recordMicros(Math.max(0, seen - ok) / 1000);
				}
			}
		}
		int frameFirst = 0;
		for (Map.Entry<String, Long> entry : intended.entrySet()) {
			Long frame = alerted.get(entry.getKey());
			Long ok = accepted.get(entry.getKey());
			if (ok != null) {
				sendToAccepted.recordMicros((ok - entry.getValue()) / 1000);
			}
			if (frame != null) {
				sendToAlert.recordMicros((frame - entry.getValue()) / 1000);
				if (ok != null) {
					frameFirst += (frame < ok) ? 1 : 0;
					acceptedToAlert.recordMicros((frame - ok) / 1000);
					Instant paged = dispatched.get(entry.getKey());
					acceptedToDispatched
						.recordMicros(Duration.between(acceptedAt.get(entry.getKey()), paged).toNanos() / 1000);
					dispatchedToAlert
						.recordMicros(Duration.between(paged, alertedAt.get(entry.getKey())).toNanos() / 1000);
				}
			}
		}
		System.out.printf(
				"%n== network at %d req/s for %d s: %d sent in %.1f s (sender lag max %.1f ms), %d accepted, "
						+ "%d refused, %d alerted, %d frames before their 202 (counted as 0)%n",
				rate, seconds, count, sendSeconds, maxLag / 1e6, accepted.size(), refused.get(), sendToAlert.count(),
				frameFirst);
		if (firstRefusal.get() != null) {
			System.out.println("first refusal: " + firstRefusal.get());
		}
		System.out.println("load average before: " + loadBefore + "; after: " + Percentiles.loadAverage());
		System.out.println(acceptedToAlert.summary());
		System.out.println(acceptedToDispatched.summary());
		System.out.println(dispatchedToAlert.summary());
		System.out.println(sendToAlert.summary());
		System.out.println(sendToAccepted.summary());
		if (ackToAccepted.count() > 0) {
			System.out.printf("acknowledgements: %d sent, %d accepted, %d refused, %d seen as CLEARED%n",
					intended.keySet().stream().filter(acks.sent()::containsKey).count(), ackToAccepted.count(),
					acks.refused().size(), ackToSeen.count());
			System.out.println(ackToSeen.summary());
			System.out.println(ackToAccepted.summary());
		}
		if (cpu.isPresent()) {
			// Counted from the first send until the last acknowledgement was seen, so the
			// work an acknowledgement causes is in it.
			System.out.print(ThreadCpu.report(cpuBefore, cpuAfter, cpuSeconds, count));
		}
		return new Percentiles[] { acceptedToAlert, ackToSeen };
	}

	/**
	 * Downloads the ACKNOWLEDGED receipt of a sample of acknowledged requests as the
	 * requester: that the network signed what it showed.
	 */
	private static void sampleReceipts(NationalSystemClient france, Acknowledgements acks, int sample)
			throws Exception {
		List<String> ids = acks.seen().keySet().stream().limit(sample).toList();
		int found = 0;
		for (String id : ids) {
			found += (france.get("/api/v1/requests/" + id + "/receipts/ACKNOWLEDGED").statusCode() == 200) ? 1 : 0;
		}
		System.out.printf("ACKNOWLEDGED receipts downloadable: %d of a sample of %d%n", found, ids.size());
	}

	private static PreservationRequest request(String id) {
		return new PreservationRequest(RequestId.of(id), FRANCE, CountryCode.of("DE"), Urgency.URGENT, Instant.now(),
				"Cybercrime unit", "Ransomware extortion",
				"A hospital's systems were encrypted; the ransom note names a mail account.",
				"Subscriber data and login IP addresses of the account", "The account sent the ransom demand",
				"Example Mail", "The provider deletes login records after 7 days", true);
	}

	/** Sends one request with the given id; the 202 or the refusal. */
	@FunctionalInterface
	private interface Sender {

		CompletableFuture<HttpResponse<String>> send(String id);

	}

	/**
	 * What the simulated officers did: when each acknowledgement went, came back, showed.
	 */
	private record Acknowledgements(Map<String, Long> sent, Map<String, Long> accepted, Map<String, Long> seen,
			Set<String> refused) {

		boolean failedFor(String id) {
			return this.refused.contains(id);
		}

	}

	/**
	 * Two bare hops at a fixed rate: producer → hop 1 → relay consumer → producer → hop 2
	 * → consumer. The first 8 bytes of each record are the intended send time.
	 */
	private static Percentiles floor(String bootstrap, int[] sizes, int lingerMs, int rate, int warmupSeconds,
			int seconds) throws Exception {
		int warmup = rate * warmupSeconds;
		int count = warmup + rate * seconds;
		Percentiles hops = new Percentiles("floor: 2 bare acks=all hops, linger " + lingerMs + " ms");
		AtomicInteger received = new AtomicInteger();
		AtomicReference<Exception> failed = new AtomicReference<>();
		String loadBefore = Percentiles.loadAverage();
		try (KafkaProducer<String, byte[]> first = KafkaSetup.producer(bootstrap, lingerMs);
				KafkaProducer<String, byte[]> second = KafkaSetup.producer(bootstrap, lingerMs);
				KafkaConsumer<String, byte[]> relay = consumerAtEnd(bootstrap, FLOOR_HOP_1);
				KafkaConsumer<String, byte[]> last = consumerAtEnd(bootstrap, FLOOR_HOP_2)) {
			Thread relayThread = new Thread(() -> {
				try {
					while (received.get() < count && failed.get() == null) {
						for (ConsumerRecord<String, byte[]> record : relay.poll(Duration.ofMillis(50))) {
							byte[] payload = new byte[sizes[1]];
							System.arraycopy(record.value(), 0, payload, 0, 12);
							second.send(new ProducerRecord<>(FLOOR_HOP_2, record.key(), payload));
						}
					}
				}
				catch (Exception ex) {
					failed.set(ex);
				}
			}, "floor-relay");
			Thread lastThread = new Thread(() -> {
				try {
					while (received.get() < count && failed.get() == null) {
						for (ConsumerRecord<String, byte[]> record : last.poll(Duration.ofMillis(50))) {
							long now = System.nanoTime();
							ByteBuffer header = ByteBuffer.wrap(record.value());
							long due = header.getLong();
							if (header.getInt() >= warmup) {
								hops.recordMicros((now - due) / 1000);
							}
							received.incrementAndGet();
						}
					}
				}
				catch (Exception ex) {
					failed.set(ex);
				}
			}, "floor-consumer");
			relayThread.start();
			lastThread.start();
			long start = System.nanoTime() + 100_000_000L;
			for (int i = 0; i < count; i++) {
				long due = start + i * 1_000_000_000L / rate;
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				byte[] payload = new byte[sizes[0]];
				ByteBuffer.wrap(payload).putLong(due).putInt(i);
				first.send(new ProducerRecord<>(FLOOR_HOP_1, Integer.toString(i), payload));
			}
			relayThread.join(60_000);
			lastThread.join(60_000);
		}
		System.out.printf("%n== floor at %d req/s for %d s (after %d s warm-up): %d of %d records came through%n", rate,
				seconds, warmupSeconds, received.get(), count);
		System.out.println("load average before: " + loadBefore + "; after: " + Percentiles.loadAverage());
		if (failed.get() != null) {
			System.out.println("floor failed: " + failed.get());
		}
		System.out.println(hops.summary());
		return hops;
	}

	/** The mean size of the newest records of a kind on a topic. */
	private static int typicalSize(String bootstrap, String topic, String kind) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			end.forEach((partition, offset) -> consumer.seek(partition, Math.max(0, offset - 200)));
			long total = 0;
			int n = 0;
			Instant giveUp = Instant.now().plusSeconds(10);
			while (n < 100 && Instant.now().isBefore(giveUp)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (new String(record.value(), StandardCharsets.UTF_8).contains("\"" + kind + "\"")) {
						total += record.value().length;
						n++;
					}
				}
			}
			return (n > 0) ? (int) (total / n) : 1024;
		}
	}

	private static KafkaConsumer<String, byte[]> consumerAtEnd(String bootstrap, String topic) {
		KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
		List<TopicPartition> partitions = partitions(consumer, topic);
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
		return consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
	}

	private static void awaitHealthy(URI base, Process network, Path log) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		Instant giveUp = Instant.now().plusSeconds(300);
		while (Instant.now().isBefore(giveUp)) {
			if (!network.isAlive()) {
				throw new IllegalStateException("The network stopped; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().strip().endsWith("\"status\":\"UP\"}")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The network was not healthy within 300 s; see " + log);
	}

	private static String form(String id) {
		return """
				{"id": "%s", "to": "DE", "urgency": "URGENT",
				 "requestingAuthority": "Cybercrime unit", "offence": "Ransomware extortion",
				 "summaryOfFacts": "A hospital's systems were encrypted; the ransom note names a mail account.",
				 "dataToPreserve": "Subscriber data and login IP addresses of the account",
				 "relationToOffence": "The account sent the ransom demand",
				 "custodian": "Example Mail", "necessity": "The provider deletes login records after 7 days",
				 "mutualAssistanceToFollow": true}""".formatted(id);
	}

	private static X509Certificate readCertificate(Path pem) throws Exception {
		try (var in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	/**
	 * A logged-in person, as a browser: the login form with its CSRF token, then the
	 * session cookie and the CSRF header on every API call.
	 */
	private static final class Session {

		private final URI base;

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http;

		private Session(URI base) {
			this.base = base;
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.cookieHandler(this.cookies)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		static Session login(URI base, String username) throws Exception {
			Session session = new Session(base);
			HttpResponse<String> page = session.http.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF_FIELD.matcher(page.body());
			if (!csrf.find()) {
				throw new IllegalStateException("The login page has no CSRF field");
			}
			HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(base.resolve("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + username + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("Login of " + username + " failed: " + login.statusCode());
			}
			session.http.send(
					HttpRequest.newBuilder(base.resolve("/api/v1/me")).header("X-Requested-With", "fetch").build(),
					HttpResponse.BodyHandlers.ofString());
			return session;
		}

		java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
			return this.http.sendAsync(HttpRequest.newBuilder(this.base.resolve(path))
				.timeout(Duration.ofSeconds(30))
				.header("X-Requested-With", "fetch")
				.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
				.header("Content-Type", "application/json")
				.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private String cookie(String name) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals(name))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No " + name + " cookie"));
		}

		String cookieHeader() {
			return String.join("; ",
					this.cookies.getCookieStore()
						.getCookies()
						.stream()
						.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
						.toList());
		}

	}

}
