package org.vigil.directory.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.vigil.directory.lifecycle.PhasedLifecycle;
import org.vigil.directory.party.CertificateEntry;
import org.vigil.directory.party.CertificateUse;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.replica.DirectoryReplicaConfiguration;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.PartyCredentials;

/**
 * The directory service: its replica of the topic, and the seed it publishes on start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
@Import(DirectoryReplicaConfiguration.class)
public class DirectoryServiceConfiguration {

	@Bean
	SmartLifecycle directorySeedPublisher(KafkaProperties kafka, DirectoryReplica replica,
			DirectoryProperties properties) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-directory-publisher");
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(config,
				new StringSerializer(), new ByteArraySerializer());
		DirectoryPublisher publisher = new DirectoryPublisher(new KafkaTemplate<>(producers), replica);
		// Right after the replica has caught up, before anyone routes a request.
		return new PhasedLifecycle(DirectoryReplicaConfiguration.PHASE + 1, () -> {
			if (properties.publishSeed()) {
				publisher.publishMissing(seed(properties));
			}
		}, producers::destroy);
	}

	private static SeedDirectory seed(DirectoryProperties properties) {
		SeedDirectory seed = readSeed(properties);
		if (properties.pkiDir() == null) {
			return seed;
		}
		DevPki pki;
		try {
			pki = DevPki.load(properties.pkiDir(), passwordOf(properties));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the network PKI in " + properties.pkiDir(), ex);
		}
		return new SeedDirectory(seed.network(), seed.contactPoints().stream().map((contactPoint) -> {
			if (!pki.parties().contains(contactPoint.country())) {
				return contactPoint;
			}
			PartyCredentials party = pki.party(contactPoint.country());
			return contactPoint
				.withCertificates(List.of(CertificateEntry.of(CertificateUse.SIGNING, party.signing().certificate()),
						CertificateEntry.of(CertificateUse.TLS_CLIENT, party.tlsClient().certificate())));
		}).toList());
	}

	private static char[] passwordOf(DirectoryProperties properties) {
		if (properties.pkiPassword() == null) {
			throw new IllegalStateException("vigil.directory.pki-password is required with vigil.directory.pki-dir");
		}
		return properties.pkiPassword().toCharArray();
	}

	private static SeedDirectory readSeed(DirectoryProperties properties) {
		if (properties.seed() == null) {
			return switch (properties.builtInSeed()) {
				case DEMO -> SeedDirectory.demo();
				case PARTIES -> SeedDirectory.parties();
			};
		}
		try (InputStream in = Files.newInputStream(properties.seed())) {
			return SeedDirectory.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the seed directory " + properties.seed(), ex);
		}
	}

}
