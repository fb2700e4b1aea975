package org.vigil.embedded.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.redis.RedisServer;

/**
 * A real redis-server for the tests of one class, with a {@link StringRedisTemplate} on
 * it: started before the class's first test (and before its {@code @BeforeAll} methods)
 * in a fresh temporary directory on a free loopback port, stopped and its directory
 * deleted after the last.
 * <p>
 * Register it on a static field, so JUnit calls it around the whole class:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final LocalRedis redis = new LocalRedis();
 * </pre> The server is shared by the class's tests; each test keeps its keys apart (its
 * own key prefix) or empties Redis itself.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback {

	private static final String HOST = "127.0.0.1";

	private Path dataDir;

	private RedisServer server;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate template;

	/** The class that started the server; its nested classes share it. */
	private String startedFor;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (this.server != null) {
			return;
		}
		this.startedFor = context.getUniqueId();
		// A fresh directory under the temporary one, as @TempDir makes, so the
		// redis-server binary extracted to its sibling "bin" is reused across runs.
		this.dataDir = Files.createTempDirectory("vigil-redis-");
		this.server = RedisServer.start(this.dataDir, FreePorts.pick());
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, this.server.port()));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.template = new StringRedisTemplate(this.connections);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.server == null || !context.getUniqueId().equals(this.startedFor)) {
			return;
		}
		try {
			this.connections.destroy();
			this.server.close();
		}
		finally {
			this.connections = null;
			this.server = null;
			this.template = null;
			deleteRecursively(this.dataDir);
		}
	}

	/**
	 * Returns the template on the running server.
	 * @return a template whose connections go to this server
	 * @throws IllegalStateException if the server is not running: the extension is not
	 * registered on a static field, or the class's tests are over
	 */
	public StringRedisTemplate template() {
		if (this.template == null) {
			throw new IllegalStateException(
					"redis-server is not running: register LocalRedis with @RegisterExtension on a static field");
		}
		return this.template;
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
