package org.vigil.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.embedded.FreePorts;

/**
 * A real, single-node Apache Kafka broker in KRaft mode ({@code broker,controller} in one
 * node), running inside this JVM and listening on 127.0.0.1 only.
 * <p>
 * The broker is configured for one node: every internal topic has replication factor 1,
 * so transactions and Kafka Streams {@code exactly_once_v2} work. Topics are not created
 * automatically; new topics get 3 partitions by default.
 * <p>
 * Kafka keeps much of its state in JVM-wide singletons (JMX beans, Yammer metrics), so
 * run at most one broker per JVM at a time.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	private static final String HOST = "127.0.0.1";

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	/** How long start-up may take before we give up with an exception. */
	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final Path dataDir;

	private final int port;

	private final Map<String, String> properties;

	/** The running server, or {@code null} while stopped. */
	private KafkaRaftServer server;

	private KafkaBroker(Path dataDir, int port, int controllerPort) {
		this.dataDir = dataDir;
		this.port = port;
		this.properties = brokerProperties(dataDir, port, controllerPort);
	}

	/**
	 * Starts a broker and blocks until it accepts requests.
	 * @param dataDir the log directory (also holds the KRaft metadata log); created if
	 * missing, formatted only if it holds no {@code meta.properties} yet, and otherwise
	 * reused with all its topics and records
	 * @param port the client port on 127.0.0.1, or 0 to pick a free one
	 * @return the running broker
	 * @throws IllegalStateException if the broker fails to start or does not answer an
	 * admin request within 60 seconds
	 */
	public static KafkaBroker start(Path dataDir, int port) {
		Path dir = dataDir.toAbsolutePath();
		int clientPort = (port != 0) ? port : FreePorts.pick();
		// Chosen once for the life of this object, so restart() finds the controller
		// quorum at the same address. With a static voter set (kraft.version 0) the
		// address is not stored in the metadata log, so a later start() on the same
		// data dir may well pick another port.
		int controllerPort = FreePorts.pick();
		KafkaBroker broker = new KafkaBroker(dir, clientPort, controllerPort);
		broker.startServer();
		return broker;
	}

	/**
	 * Returns the address clients use to reach this broker.
	 * @return {@code "127.0.0.1:PORT"}
	 */
	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	/**
	 * Stops the broker in an orderly way, if it runs, and starts it again on the same
	 * ports with the same data directory; blocks until it accepts requests. Also starts a
	 * broker that was {@link #close() closed}, so a fault test can keep a broker down for
	 * a while and bring it back.
	 * @throws IllegalStateException if the broker fails to start again
	 */
	public synchronized void restart() {
		stopServer();
		startServer();
	}

	/**
	 * Shuts the broker down in an orderly way and waits until it has stopped. Does
	 * nothing if it is already stopped.
	 */
	@Override
	public synchronized void close() {
		stopServer();
	}

	private synchronized void startServer() {
		formatIfNeeded();
		KafkaRaftServer raftServer = null;
		try {
			// A fresh KafkaConfig per start: the server keeps mutable state in it.
			raftServer = new KafkaRaftServer(new KafkaConfig(this.properties, false), Time.SYSTEM);
			raftServer.startup();
			awaitReady();
		}
		catch (Exception ex) {
			IllegalStateException failure = new IllegalStateException(
					"Kafka broker on " + bootstrapServers() + " (data dir " + this.dataDir + ") failed to start", ex);
			if (raftServer != null) {
				try {
					// Frees the ports and the data dir lock for the next attempt.
					shutDown(raftServer);
				}
				catch (RuntimeException shutdownFailure) {
					failure.addSuppressed(shutdownFailure);
				}
			}
			throw failure;
		}
		this.server = raftServer;
		logger.info("Kafka broker ready on {} (data dir {})", bootstrapServers(), this.dataDir);
	}

	private void stopServer() {
		if (this.server != null) {
			shutDown(this.server);
			this.server = null;
			logger.info("Kafka broker on {} stopped", bootstrapServers());
		}
	}

	private static void shutDown(KafkaRaftServer raftServer) {
		raftServer.shutdown();
		raftServer.awaitShutdown();
	}

	/**
	 * Formats the data directory the way {@code kafka-storage.sh format} does, unless it
	 * already holds a formatted log: a restart of the standalone must keep its data.
	 */
	private void formatIfNeeded() {
		if (Files.exists(this.dataDir.resolve("meta.properties"))) {
			return;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			Files.createDirectories(this.dataDir);
			new Formatter().setPrintStream(printStream)
				.setNodeId(NODE_ID)
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName(CONTROLLER_LISTENER)
				.setMetadataLogDirectory(this.dataDir.toString())
				.addDirectory(this.dataDir.toString())
				// Static controller.quorum.voters, hence no dynamic (KIP-853) quorum.
				.setHasDynamicQuorum(false)
				.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create Kafka data dir " + this.dataDir, ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka data dir " + this.dataDir, ex);
		}
		logger.debug("Formatted Kafka data dir: {}", output.toString(StandardCharsets.UTF_8).trim());
	}

	/**
	 * Waits until a client can see the broker in the cluster metadata, which is when it
	 * takes produce and fetch requests.
	 */
	private void awaitReady() {
		Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10_000);
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		Exception lastFailure = null;
		try (Admin admin = Admin.create(adminConfig)) {
			while (System.nanoTime() < deadline) {
				try {
					if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					lastFailure = ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for the Kafka broker", ex);
				}
			}
		}
		throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not answer a describeCluster "
				+ "request within " + READY_TIMEOUT.toSeconds() + " s", lastFailure);
	}

	private static Map<String, String> brokerProperties(Path dataDir, int port, int controllerPort) {
		Map<String, String> props = new LinkedHashMap<>();
		props.put("process.roles", "broker,controller");
		props.put("node.id", Integer.toString(NODE_ID));
		props.put("listeners",
				"PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		props.put("log.dirs", dataDir.toString());
		// One node: every internal topic must be satisfied by a single replica.
		props.put("offsets.topic.replication.factor", "1");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("min.insync.replicas", "1");
		props.put("default.replication.factor", "1");
		props.put("num.partitions", "3");
		props.put("group.initial.rebalance.delay.ms", "0");
		props.put("auto.create.topics.enable", "false");
		// Abort a dead producer's timed-out transaction within a second, not ten: until
		// then its partitions stay closed to a dispatcher taking over
		// (docs/architecture.md).
		props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
		// Fail start-up with an exception instead of waiting forever for the controller.
		props.put("server.max.startup.time.ms", Long.toString(READY_TIMEOUT.toMillis()));
		// Modest footprint: the defaults are sized for a dedicated production machine (50
		// partitions per internal topic, 128 MiB cleaner buffer, 8 I/O threads).
		props.put("offsets.topic.num.partitions", "5");
		props.put("transaction.state.log.num.partitions", "5");
		props.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
		props.put("num.network.threads", "2");
		props.put("num.io.threads", "2");
		props.put("background.threads", "2");
		props.put("num.recovery.threads.per.data.dir", "1");
		return props;
	}

}
