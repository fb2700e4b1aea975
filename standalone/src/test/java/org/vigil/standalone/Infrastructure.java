package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.embedded.redis.RedisServer;

/**
 * One real Kafka broker and one real redis-server for the integration tests of this
 * module, started once per JVM on free loopback ports and stopped when the JVM exits.
 */
final class Infrastructure {

	private static Infrastructure instance;

	final KafkaBroker kafka;

	final RedisServer redis;

	private Infrastructure(KafkaBroker kafka, RedisServer redis) {
		this.kafka = kafka;
		this.redis = redis;
	}

	static synchronized Infrastructure get() {
		if (instance == null) {
			try {
				Path data = Files.createTempDirectory("vigil-it-");
				RedisServer redis = RedisServer.start(data.resolve("redis"), 0);
				KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 0);
				// No shutdown hook: the broker dies with this JVM, and redis-server is
				// killed by its
				// own hook. Closing them here would race the test contexts still using
				// them.
				instance = new Infrastructure(kafka, redis);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

}
