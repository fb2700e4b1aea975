package org.vigil.standalone;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.embedded.redis.RedisServer;

/**
 * The real Kafka broker (KRaft, in this JVM) and redis-server (a child process) the
 * standalone network runs on, both on loopback, keeping their data under one folder so
 * that a restart loses nothing.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final RedisServer redis;

	private final KafkaBroker kafka;

	private EmbeddedInfrastructure(RedisServer redis, KafkaBroker kafka) {
		this.redis = redis;
		this.kafka = kafka;
	}

	static EmbeddedInfrastructure start(Path dataDir, int kafkaPort, int redisPort) {
		Path data = dataDir.toAbsolutePath();
		log.info("Starting redis-server and a Kafka broker (KRaft) with their data in {}", data);
		RedisServer redis = RedisServer.start(data.resolve("redis"), redisPort);
		try {
			return new EmbeddedInfrastructure(redis, KafkaBroker.start(data.resolve("kafka"), kafkaPort));
		}
		catch (RuntimeException ex) {
			redis.close();
			throw ex;
		}
	}

	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	int redisPort() {
		return this.redis.port();
	}

	String redisBinary() {
		return this.redis.binary();
	}

	@Override
	public void close() {
		try {
			this.kafka.close();
		}
		finally {
			this.redis.close();
		}
	}

}
