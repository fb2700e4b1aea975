package org.vigil.dispatcher.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.replica.DirectoryKeys;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;

/**
 * What the kill tests share: a real broker holding the topics and the demo directory, a
 * producer, and dispatchers started as JVMs of their own, so that SIGKILL kills a whole
 * process as a crash would.
 */
final class CrashNetwork implements AutoCloseable {

	private final KafkaBroker kafka;

	private final Path data;

	private final List<Process> dispatchers = new ArrayList<>();

	private CrashNetwork(KafkaBroker kafka, Path data) {
		this.kafka = kafka;
		this.data = data;
	}

	static CrashNetwork start(Path data) throws Exception {
		CrashNetwork network = new CrashNetwork(KafkaBroker.start(data.resolve("kafka"), 0), data);
		try (Admin admin = network.admin()) {
			admin
				.createTopics(Topics.all()
					.stream()
					.map((topic) -> new NewTopic(topic.name(), Optional.empty(), Optional.empty())
						.configs(topic.config()))
					.toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		SeedDirectory seed = SeedDirectory.demo();
		try (KafkaProducer<String, byte[]> producer = network.producer()) {
			producer
				.send(new ProducerRecord<>(Topics.DIRECTORY, DirectoryKeys.NETWORK, WireJson.write(seed.network())));
			for (ContactPoint contactPoint : seed.contactPoints()) {
				producer.send(new ProducerRecord<>(Topics.DIRECTORY, DirectoryKeys.party(contactPoint.country()),
						WireJson.write(contactPoint)));
			}
		}
		return network;
	}

	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	Admin admin() {
		return Admin.create(Map.of("bootstrap.servers", this.kafka.bootstrapServers()));
	}

	KafkaProducer<String, byte[]> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Starts a dispatcher JVM whose every time to acknowledge is {@code deadline},
	 * logging to {@code target/<logName>.log}.
	 * @param settings more {@code --name=value} arguments
	 */
	Process startDispatcher(String name, String logName, Duration deadline, String... settings) throws Exception {
		Path log = Path.of("target", logName + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
				System.getProperty("java.class.path"), "org.vigil.dispatcher.DispatcherApplication",
				"--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers(), "--server.port=0",
				"--server.address=127.0.0.1", "--vigil.dispatcher.deadline-override=" + deadline.toSeconds() + "s",
				"--vigil.dispatcher.state-dir=" + this.data.resolve("state-" + name),
				"--logging.level.org.apache.kafka=WARN"));
		command.addAll(List.of(settings));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.dispatchers.add(process);
		return process;
	}

	/** Kills every dispatcher this network started; they are crash tests' leftovers. */
	void killDispatchers() {
		this.dispatchers.forEach(Process::destroyForcibly);
		this.dispatchers.clear();
	}

	@Override
	public void close() {
		killDispatchers();
		this.kafka.close();
	}

}
