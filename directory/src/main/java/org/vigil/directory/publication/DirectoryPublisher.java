package org.vigil.directory.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.replica.DirectoryKeys;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.protocol.Topics;
import org.vigil.protocol.json.WireJson;

/**
 * Publishes the entries of a seed directory that the directory topic does not hold yet,
 * and waits until this service's own replica sees them. Entries already on the topic are
 * left alone: they may have been edited since the seed was written.
 */
class DirectoryPublisher {

	private static final Logger log = LoggerFactory.getLogger(DirectoryPublisher.class);

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

	private final KafkaTemplate<String, byte[]> kafka;

	private final DirectoryReplica replica;

	DirectoryPublisher(KafkaTemplate<String, byte[]> kafka, DirectoryReplica replica) {
		this.kafka = kafka;
		this.replica = replica;
	}

	void publishMissing(SeedDirectory seed) {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
		if (this.replica.network().isEmpty()) {
			sends.add(this.kafka.send(Topics.DIRECTORY, DirectoryKeys.NETWORK, WireJson.write(seed.network())));
		}
		List<ContactPoint> missing = seed.contactPoints()
			.stream()
			.map(this::missingPart)
			.flatMap(Optional::stream)
			.toList();
		for (ContactPoint contactPoint : missing) {
			sends.add(this.kafka.send(Topics.DIRECTORY, DirectoryKeys.party(contactPoint.country()),
					WireJson.write(contactPoint)));
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(VISIBLE_WITHIN.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish the seed directory", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the seed directory", ex);
		}
		awaitVisible(seed, sends.stream().map((sent) -> sent.join().getRecordMetadata()).toList());
		log.info("Directory seeded: {} contact points published, {} already present", missing.size(),
				seed.contactPoints().size() - missing.size());
	}

	/**
	 * What of a seed entry the topic lacks: the whole entry, or only its certificates
	 * when the published entry has none (the rest of it may have been edited since and is
	 * kept).
	 */
	private Optional<ContactPoint> missingPart(ContactPoint seeded) {
		Optional<ContactPoint> published = this.replica.contactPoint(seeded.country());
		if (published.isEmpty()) {
			return Optional.of(seeded);
		}
		if (published.get().certificates().isEmpty() && !seeded.certificates().isEmpty()) {
			return Optional.of(published.get().withCertificates(seeded.certificates()));
		}
		return Optional.empty();
	}

	/**
	 * Waits until the replica has applied each record just written, on the replica's own
	 * progress monitor rather than by polling it, then checks that it shows the whole
	 * seed. Once our records are applied it shows them, unless another writer changed an
	 * entry meanwhile: that is reported as the seed not coming back.
	 */
	private void awaitVisible(SeedDirectory seed, List<RecordMetadata> written) {
		long giveUp = System.nanoTime() + VISIBLE_WITHIN.toNanos();
		try {
			for (RecordMetadata record : written) {
				Duration left = Duration.ofNanos(giveUp - System.nanoTime());
				if (!this.replica.awaitApplied(record.partition(), record.offset(), left)) {
					throw notBack();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the directory", ex);
		}
		if (this.replica.network().isEmpty()
				|| seed.contactPoints().stream().anyMatch((seeded) -> missingPart(seeded).isPresent())) {
			throw notBack();
		}
	}

	private static IllegalStateException notBack() {
		return new IllegalStateException("The published directory did not come back within " + VISIBLE_WITHIN);
	}

}
