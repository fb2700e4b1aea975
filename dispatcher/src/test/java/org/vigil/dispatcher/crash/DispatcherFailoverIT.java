package org.vigil.dispatcher.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.event.OfficersAlerted;
import org.vigil.protocol.event.RequestEvent;
import org.vigil.protocol.event.StepEscalated;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.request.SignedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out and fail-over: two dispatcher JVMs share the partitions of
 * {@link Topics#REQUESTS} under a steady stream of submitted requests, and one of them is
 * killed with SIGKILL mid-flight. The survivor takes over the dead one's partitions, and
 * in the committed output ({@code read_committed}) every accepted request is paged, no
 * alert is paged twice, and every deadline that fell due while nobody owned its partition
 * fires, late by no more than {@link #FAIL_OVER_LATENESS_BOUND}.
 *
 * <p>
 * Both dispatchers and this test read the same clock: the host's wall clock
 * ({@code Clock.systemUTC()} in {@code DispatcherApplication}). As in
 * {@link DispatcherCrashIT}, {@code vigil.dispatcher.deadline-override} shortens every
 * time to acknowledge to {@link #DEADLINE}, so deadlines fall due, on real time, inside
 * the outage. Lateness is measured on the {@code at} of each {@link StepEscalated} (the
 * dispatcher's clock when it fired) minus its {@code missedDeadline} (the planned
 * deadline); both are on the shared clock, and {@code at} is what the request's history
 * shows to officers and auditors.
 */
class DispatcherFailoverIT {

	private static final Logger log = LoggerFactory.getLogger(DispatcherFailoverIT.class);

	private static final Duration DEADLINE = Duration.ofSeconds(3);

	/** The dispatchers' consumer group, {@code vigil.dispatcher.application-id}. */
	private static final String APPLICATION_ID = "vigil-dispatcher";

	/**
	 * One submission every this often, from before the kill until after the take-over.
	 */
	private static final Duration LOAD_INTERVAL = Duration.ofMillis(200);

	/**
	 * {@code vigil.dispatcher.session-timeout}, the production default, passed explicitly
	 * because the bound below is built on it.
	 */
	private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

	/**
	 * {@code transaction.timeout.ms} of the dispatchers' producers, which the dispatcher
	 * sets to its session timeout.
	 */
	private static final Duration TRANSACTION_TIMEOUT = SESSION_TIMEOUT;

	/**
	 * How often the broker looks for timed-out transactions to abort
	 * ({@code transaction.abort.timed.out.transaction.cleanup.interval.ms}), which the
	 * embedded broker sets to a second (Kafka's default is 10 s).
	 */
	private static final Duration ABORT_CHECK_INTERVAL = Duration.ofSeconds(1);

	/**
	 * How late a deadline may fire when the dispatcher that owned it dies. Two things
	 * must happen before the survivor processes a dead instance's partition. The group
	 * must declare the member gone: up to {@link #SESSION_TIMEOUT} after its last
	 * heartbeat, then a rebalance (the survivor hears of it on its next heartbeat, a
	 * quarter of the session timeout). And the dead instance's open transaction must be
	 * aborted: the survivor does not resume the partition before that (observed: the
	 * group rebalances 8 to 10 s after the kill, the first deadline fires right after the
	 * broker logs the rollback). With {@code exactly_once_v2} the survivor writes under
	 * its own transactional id and cannot fence the dead one's, so the broker aborts it
	 * only once it has timed out ({@link #TRANSACTION_TIMEOUT} after it began, at most
	 * just before the kill) and its periodic check ({@link #ABORT_CHECK_INTERVAL}) has
	 * noticed: up to 7 s after the kill, about as long as the group takes. Then the
	 * survivor restores the task's two in-memory stores from their changelogs
	 * (milliseconds here, well under a second for thousands of ladders) and fires every
	 * due deadline on its first tick (50 ms). The 4 s on top leave room for two CPU cores
	 * shared by a broker and three JVMs: 11.5 s in all, against the aim of 10 s.
	 */
	private static final Duration FAIL_OVER_LATENESS_BOUND = max(SESSION_TIMEOUT.plus(SESSION_TIMEOUT.dividedBy(4)),
			TRANSACTION_TIMEOUT.plus(ABORT_CHECK_INTERVAL))
		.plus(Duration.ofSeconds(4));

	/**
	 * Startup of two Spring Boot JVMs and a first rebalance, with room to spare on a slow
	 * machine.
	 */
	private static final Duration START_WITHIN = Duration.ofSeconds(120);

	/**
	 * Everything owed becomes visible: fail-over, plus the abort of the dead instance's
	 * open transaction (transaction timeout 10 s, and the broker checks every 10 s),
	 * which holds back {@code read_committed} readers of the partitions it wrote to.
	 */
	private static final Duration SETTLE_WITHIN = Duration.ofSeconds(90);

	@TempDir
	static Path data;

	private static CrashNetwork network;

	private ScheduledExecutorService load;

	@BeforeAll
	static void startKafkaWithTheDemoDirectory() throws Exception {
		network = CrashNetwork.start(data);
	}

	@AfterAll
	static void stopKafka() {
		network.close();
	}

	@AfterEach
	void stopLoadAndKillDispatchers() {
		if (this.load != null) {
			this.load.shutdownNow();
		}
		network.killDispatchers();
	}

	@Test
	void whenOneOfTwoDispatchersIsKilledTheOtherPagesEveryRequestOnceAndFiresEveryDueDeadlineWithinTheBound()
			throws Exception {
		Process victim = startDispatcher("victim");
		startDispatcher("survivor");
		await().atMost(START_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(DispatcherFailoverIT::assignment, (owners) -> !partitionsOf("victim", owners).isEmpty()
					&& !partitionsOf("survivor", owners).isEmpty());

		Map<RequestId, Submitted> submitted = new ConcurrentHashMap<>();
		AtomicReference<Exception> loadFailure = new AtomicReference<>();
		KafkaProducer<String, byte[]> loadProducer = network.producer();
		this.load = Executors.newSingleThreadScheduledExecutor();
		AtomicInteger sent = new AtomicInteger();
		this.load.scheduleAtFixedRate(() -> {
			try {
				Submitted request = submit(loadProducer, (sent.getAndIncrement() % 2 == 0) ? "FR" : "US");
				submitted.put(request.id(), request);
			}
			catch (Exception ex) {
				loadFailure.compareAndSet(null, ex);
			}
		}, 0, LOAD_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

		// Kill mid-flight: the victim is paging and has deadlines pending on its
		// partitions. Its partitions are read just before, in case a follow-up rebalance
		// moved some.
		AtomicReference<Set<Integer>> ownedByVictim = new AtomicReference<>(Set.of());
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			ownedByVictim.set(partitionsOf("victim", assignment()));
			return alertedRequests(events()).stream()
				.map(submitted::get)
				.anyMatch((request) -> request != null && ownedByVictim.get().contains(request.partition()));
		});
		Set<Integer> victimPartitions = ownedByVictim.get();
		victim.destroyForcibly().waitFor();
		Instant killedAt = Instant.now();

		await().atMost(SETTLE_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.until(DispatcherFailoverIT::assignment,
					(owners) -> owners.size() == 1 && partitionsOf("survivor", owners).containsAll(victimPartitions));
		Instant takenOverAt = Instant.now();
		// Requests accepted after the take-over are part of the load too.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> submitted.values()
				.stream()
				.anyMatch((request) -> request.at().isAfter(takenOverAt.plus(Duration.ofSeconds(3)))));
		this.load.shutdown();
		assertThat(this.load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		loadProducer.close();
		assertThat(loadFailure.get()).as("every submission was accepted by the broker").isNull();
		Instant lastSubmittedAt = submitted.values()
			.stream()
			.map(Submitted::at)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		// Every step-1 deadline is due by then, including those of requests accepted
		// while the victim's partitions had no owner.
		Instant dueBy = lastSubmittedAt.plus(DEADLINE);

		List<RequestEvent> history = await().atMost(SETTLE_WITHIN)
			.pollInterval(Duration.ofMillis(500))
			.until(DispatcherFailoverIT::events,
					(events) -> Instant.now().isAfter(dueBy.plus(Duration.ofSeconds(1)))
							&& alertedRequests(events).containsAll(submitted.keySet())
							&& missedDeadlines(events, dueBy).isEmpty());

		// 1. every accepted request was paged
		assertThat(alertedRequests(history)).containsAll(submitted.keySet());
		// 2. nobody was paged twice for the same step of the same request
		assertThat(history).filteredOn(OfficersAlerted.class::isInstance)
			.map(OfficersAlerted.class::cast)
			.extracting((alert) -> List.of(alert.requestId(), alert.step(), alert.fence()))
			.as("no (request, step, fence) paged twice")
			.doesNotHaveDuplicates();
		Map<RequestId, List<Long>> sequences = history.stream()
			.collect(Collectors.groupingBy(RequestEvent::requestId,
					Collectors.mapping(RequestEvent::sequence, Collectors.toList())));
		sequences.forEach((id, numbers) -> assertThat(numbers).as("history of %s: one, without gaps", id)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size()).boxed().toList()));
		// 3. every due deadline fired, within the bound; some fell due in the outage
		assertThat(missedDeadlines(history, dueBy)).isEmpty();
		List<StepEscalated> escalations = history.stream()
			.filter(StepEscalated.class::isInstance)
			.map(StepEscalated.class::cast)
			.toList();
		List<StepEscalated> firedByTheSurvivor = escalations.stream()
			.filter((escalation) -> victimPartitions.contains(submitted.get(escalation.requestId()).partition()))
			.filter((escalation) -> escalation.at().isAfter(killedAt))
			.toList();
		assertThat(firedByTheSurvivor).as("deadlines that fell due on the dead dispatcher's partitions after the kill")
			.anyMatch((escalation) -> !escalation.missedDeadline().isBefore(killedAt)
					&& escalation.missedDeadline().isBefore(killedAt.plus(SESSION_TIMEOUT)));
		Duration worst = worstLateness(escalations);
		Instant resumedAt = firedByTheSurvivor.stream()
			.map(StepEscalated::at)
			.min(Comparator.naturalOrder())
			.orElseThrow();
		log.info("Fail-over: {} requests; killed at {}; group rebalanced after {} ms; the survivor fired its first "
				+ "deadline on the victim's partitions {} after {} ms; {} deadlines fired, {} of them on those "
				+ "partitions after the kill; worst lateness {} ms; worst elsewhere (the victim's before the kill, the "
				+ "survivor's own partitions) {} ms", submitted.size(), killedAt,
				Duration.between(killedAt, takenOverAt).toMillis(), victimPartitions,
				Duration.between(killedAt, resumedAt).toMillis(), escalations.size(), firedByTheSurvivor.size(),
				worst.toMillis(),
				worstLateness(
						escalations.stream().filter((escalation) -> !firedByTheSurvivor.contains(escalation)).toList())
					.toMillis());
		assertThat(worst).as("worst lateness of a deadline").isLessThanOrEqualTo(FAIL_OVER_LATENESS_BOUND);
	}

	private static Duration worstLateness(List<StepEscalated> escalations) {
		return escalations.stream()
			.map((escalation) -> Duration.between(escalation.missedDeadline(), escalation.at()))
			.max(Comparator.naturalOrder())
			.orElse(Duration.ZERO);
	}

	private static Duration max(Duration one, Duration other) {
		return (one.compareTo(other) >= 0) ? one : other;
	}

	private static Set<RequestId> alertedRequests(List<RequestEvent> events) {
		return events.stream()
			.filter(OfficersAlerted.class::isInstance)
			.map(RequestEvent::requestId)
			.collect(Collectors.toSet());
	}

	/**
	 * Alerts whose deadline passed by {@code dueBy} and that no {@link StepEscalated}
	 * answers yet. Nobody acknowledges in this test, so every deadline must fire.
	 */
	private static List<OfficersAlerted> missedDeadlines(List<RequestEvent> events, Instant dueBy) {
		Set<List<Object>> fired = new HashSet<>();
		for (RequestEvent event : events) {
			if (event instanceof StepEscalated escalation) {
				fired.add(List.of(escalation.requestId(), escalation.fromStep(), escalation.missedDeadline()));
			}
		}
		return events.stream()
			.filter(OfficersAlerted.class::isInstance)
			.map(OfficersAlerted.class::cast)
			.filter((alert) -> !alert.deadline().isAfter(dueBy))
			.filter((alert) -> !fired.contains(List.of(alert.requestId(), alert.step(), alert.deadline())))
			.toList();
	}

	/** Who owns which partitions of the requests topic, by client id. */
	private static Map<String, Set<TopicPartition>> assignment() throws Exception {
		try (Admin admin = network.admin()) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APPLICATION_ID))
				.describedGroups()
				.get(APPLICATION_ID)
				.get(10, TimeUnit.SECONDS);
			Map<String, Set<TopicPartition>> owners = new HashMap<>();
			for (MemberDescription member : group.members()) {
				owners.put(member.clientId(),
						member.assignment()
							.topicPartitions()
							.stream()
							.filter((partition) -> partition.topic().equals(Topics.REQUESTS))
							.collect(Collectors.toSet()));
			}
			return owners;
		}
	}

	private static Set<Integer> partitionsOf(String name, Map<String, Set<TopicPartition>> owners) {
		return owners.entrySet()
			.stream()
			.filter((owner) -> owner.getKey().startsWith(name))
			.map(Map.Entry::getValue)
			.flatMap(Collection::stream)
			.map(TopicPartition::partition)
			.collect(Collectors.toSet());
	}

	private Process startDispatcher(String name) throws Exception {
		return network.startDispatcher(name, "dispatcher-failover-" + name, DEADLINE,
				"--vigil.dispatcher.session-timeout=" + SESSION_TIMEOUT.toSeconds() + "s",
				// Names the group member, so the test knows whose partitions are whose.
				"--spring.kafka.streams.properties.client.id=" + name);
	}

	private static Submitted submit(KafkaProducer<String, byte[]> producer, String from) throws Exception {
		String to = from.equals("FR") ? "DE" : "JP";
		RequestId id = RequestId.random();
		Instant now = Instant.now();
		SubmitRequest submit = new SubmitRequest(
				new PreservationRequest(id, CountryCode.of(from), CountryCode.of(to), Urgency.URGENT, now,
						"Cybercrime unit", "Ransomware", "Facts", "Logs", "Used in the attack", "",
						"Deleted after 7 days", true),
				SignedRequest.of(new byte[] { 0x30, 0x00 }, false), OfficerId.of(from.toLowerCase() + ".requester"),
				now);
		int partition = producer
			.send(new ProducerRecord<>(Topics.REQUESTS, id.value(), WireJson.write((DispatchCommand) submit)))
			.get(10, TimeUnit.SECONDS)
			.partition();
		return new Submitted(id, partition, now);
	}

	/** Every committed event on the events topic, read from the beginning. */
	private static List<RequestEvent> events() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, network.bootstrapServers());
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
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> events.add(WireJson.read(record.value(), RequestEvent.class)));
			}
		}
		return events;
	}

	/** A request the broker accepted, on which partition, and when. */
	private record Submitted(RequestId id, int partition, Instant at) {
	}

}
