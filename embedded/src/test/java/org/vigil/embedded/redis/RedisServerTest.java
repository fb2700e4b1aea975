package org.vigil.embedded.redis;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisServerTest {

	@TempDir
	Path tempDir;

	private RedisServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void storesAndReturnsValuesThroughLettuce() {
		this.server = RedisServer.start(this.tempDir.resolve("redis"), 0);

		set("greeting", "hello");

		assertThat(get("greeting")).isEqualTo("hello");
		assertThat(this.server.port()).isPositive();
		assertThat(this.server.binary()).contains("redis-server");
	}

	@Test
	void writesTheServerOutputToALogFileInTheDataDir() {
		Path dataDir = this.tempDir.resolve("redis");
		this.server = RedisServer.start(dataDir, 0);

		assertThat(dataDir.resolve(RedisServer.LOG_FILE)).content().contains("Ready to accept connections");
	}

	@Test
	void restartKeepsValuesInTheAppendOnlyFileOnTheSamePort() {
		this.server = RedisServer.start(this.tempDir.resolve("redis"), 0);
		int port = this.server.port();
		set("case", "42");

		this.server.restart();

		assertThat(this.server.port()).isEqualTo(port);
		assertThat(get("case")).isEqualTo("42");
	}

	@Test
	void closeStopsTheProcessSoThePortRefusesConnections() {
		this.server = RedisServer.start(this.tempDir.resolve("redis"), 0);
		int port = this.server.port();

		this.server.close();

		assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
	}

	@Test
	void restartAfterCloseBringsTheServerBack() {
		this.server = RedisServer.start(this.tempDir.resolve("redis"), 0);
		set("state", "kept");
		this.server.close();

		this.server.restart();

		assertThat(get("state")).isEqualTo("kept");
	}

	@Test
	void refusesAPortThatIsAlreadyInUse() {
		this.server = RedisServer.start(this.tempDir.resolve("first"), 0);

		assertThatIllegalStateException()
			.isThrownBy(() -> RedisServer.start(this.tempDir.resolve("second"), this.server.port()))
			.withMessageContaining("already in use");
	}

	private void set(String key, String value) {
		onServer((redis) -> redis.set(key, value));
	}

	private String get(String key) {
		return onServer((redis) -> redis.get(key));
	}

	/** Runs commands over a fresh connection, so each call sees the current process. */
	private <T> T onServer(Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", this.server.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

}
