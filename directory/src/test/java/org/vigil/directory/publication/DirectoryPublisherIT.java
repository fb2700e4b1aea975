package org.vigil.directory.publication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryKeys;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed publisher against a real broker: it publishes only what the directory topic
 * lacks, leaves an entry edited since the seed alone, and returns only once this
 * service's own replica shows the whole seed.
 */
class DirectoryPublisherIT {

	private static final int PARTITIONS = 3;

	@TempDir
	Path data;

	@Test
	void publishesWhatTheTopicLacksLeavesEditsAloneAndReturnsOnceItsReplicaShowsTheSeed() throws Exception {
		SeedDirectory seed = SeedDirectory.demo();
		ContactPoint france = seed.contactPoints().get(0);
		Officer officer = france.officers().get(0);
		ContactPoint edited = france.withOfficer(new Officer(officer.id(), officer.name() + " (edited)",
				officer.roles(), officer.languages(), officer.contacts(), officer.notifications()));
		try (KafkaBroker kafka = KafkaBroker.start(this.data.resolve("kafka"), 0)) {
			Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
			try (Admin admin = Admin.create(config)) {
				admin.createTopics(List.of(new NewTopic(Topics.DIRECTORY, PARTITIONS, (short) 1))).all().get();
			}
			DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config,
					new StringSerializer(), new ByteArraySerializer());
			// A replica that lags: each fetch waits a second for more data, so a
			// publisher that did not wait for its replica is caught.
			Map<String, Object> lagging = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
					ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1_000_000, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1000);
			try (DirectoryReplica replica = new DirectoryReplica(lagging)) {
				KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producers);
				template.send(Topics.DIRECTORY, DirectoryKeys.party(france.country()), WireJson.write(edited)).get();
				replica.start();
				assertThat(replica.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
				DirectoryPublisher publisher = new DirectoryPublisher(template, replica);

				publisher.publishMissing(seed);

				// No waiting here: it returned once the replica showed the seed.
				assertThat(replica.network()).contains(seed.network());
				assertThat(replica.contactPoint(france.country())).as("edited since the seed").contains(edited);
				for (ContactPoint seeded : seed.contactPoints().subList(1, seed.contactPoints().size())) {
					assertThat(replica.contactPoint(seeded.country())).contains(seeded);
				}
				long written = records(config);
				assertThat(written).isEqualTo(1 + seed.contactPoints().size());

				publisher.publishMissing(seed);

				assertThat(records(config)).as("nothing missing, nothing sent").isEqualTo(written);
			}
			finally {
				producers.destroy();
			}
		}
	}

	private static long records(Map<String, Object> config) throws Exception {
		try (Admin admin = Admin.create(config)) {
			Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS)
				.boxed()
				.collect(Collectors.toMap((partition) -> new TopicPartition(Topics.DIRECTORY, partition),
						(partition) -> OffsetSpec.latest()));
			return admin.listOffsets(latest)
				.all()
				.get()
				.values()
				.stream()
				.mapToLong(ListOffsetsResultInfo::offset)
				.sum();
		}
	}

}
