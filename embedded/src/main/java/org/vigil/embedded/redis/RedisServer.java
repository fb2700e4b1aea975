package org.vigil.embedded.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigil.embedded.FreePorts;

/**
 * A real redis-server, run as a child process bound to 127.0.0.1, with append-only
 * persistence in a data directory and no RDB snapshots.
 * <p>
 * The process's output goes to {@value #LOG_FILE} in the data directory, not to our
 * console. A JVM shutdown hook kills the process if the JVM exits while it still runs, so
 * a test run leaves no orphan redis-server behind (a JVM killed with SIGKILL runs no
 * hooks and cannot prevent that).
 */
public final class RedisServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisServer.class);

	/** Name of the file, in the data directory, that receives the process's output. */
	public static final String LOG_FILE = "redis-server.log";

	private static final String HOST = "127.0.0.1";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	/** How much of the log's tail goes into a start-up failure message. */
	private static final int LOG_TAIL_BYTES = 4096;

	private final Path dataDir;

	private final int port;

	private final Path binary;

	private final Thread shutdownHook = new Thread(this::killOnJvmExit, "redis-server-shutdown");

	/** The running process, or {@code null} while stopped; read by the shutdown hook. */
	private volatile Process process;

	private boolean hookRegistered;

	private RedisServer(Path dataDir, int port, Path binary) {
		this.dataDir = dataDir;
		this.port = port;
		this.binary = binary;
	}

	/**
	 * Starts redis-server and blocks until it answers {@code PING}. The binary is found
	 * by {@link RedisBinary#locate(Path)}, with {@code <dataDir>/../bin} as the cache for
	 * the one extracted from the embedded-redis jar.
	 * @param dataDir the working directory of redis-server, holding its append-only file
	 * and {@value #LOG_FILE}; created if missing and reused if it holds data
	 * @param port the port on 127.0.0.1, or 0 to pick a free one
	 * @return the running server
	 * @throws IllegalStateException if no binary is found, the port is taken, or the
	 * process exits or stays silent for 30 s; the message then includes the process's
	 * output
	 */
	public static RedisServer start(Path dataDir, int port) {
		Path dir = dataDir.toAbsolutePath();
		Path parent = (dir.getParent() != null) ? dir.getParent() : dir;
		Path binary = RedisBinary.locate(parent.resolve("bin"));
		RedisServer server = new RedisServer(dir, (port != 0) ? port : FreePorts.pick(), binary);
		server.startProcess();
		return server;
	}

	/**
	 * Returns the port redis-server listens on, on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the executable this server runs, for a start-up banner.
	 * @return the path of the redis-server binary
	 */
	public String binary() {
		return this.binary.toString();
	}

	/**
	 * Stops redis-server, if it runs, and starts it again on the same port with the same
	 * data directory, so it reloads its append-only file. Also starts a server that was
	 * {@link #close() closed}, so a fault test can keep it down for a while.
	 * @throws IllegalStateException if it fails to start again
	 */
	public synchronized void restart() {
		stopProcess();
		startProcess();
	}

	/**
	 * Stops redis-server: SIGTERM (redis then flushes its append-only file), waits up to
	 * 10 s, then kills it forcibly. Does nothing if it is already stopped.
	 */
	@Override
	public synchronized void close() {
		stopProcess();
		if (this.hookRegistered) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is already shutting down; the hook finds nothing left to kill.
			}
			this.hookRegistered = false;
		}
	}

	private synchronized void startProcess() {
		ensurePortFree();
		Path logFile = this.dataDir.resolve(LOG_FILE);
		long logOffset;
		Process started;
		try {
			Files.createDirectories(this.dataDir);
			logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
			started = new ProcessBuilder(command()).directory(this.dataDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(logFile.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + this.binary + " in " + this.dataDir
					+ ". If that binary cannot run on this machine, install the OS package redis-server " + "or set -D"
					+ RedisBinary.PROPERTY + "=/path/to/redis-server", ex);
		}
		this.process = started;
		if (!this.hookRegistered) {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
			this.hookRegistered = true;
		}
		try {
			awaitPong(started, logFile, logOffset);
		}
		catch (RuntimeException ex) {
			stopProcess();
			throw ex;
		}
		logger.info("redis-server ready on {}:{} (pid {}, binary {}, data dir {})", HOST, this.port, started.pid(),
				this.binary, this.dataDir);
	}

	private List<String> command() {
		return List.of(this.binary.toString(), "--bind", HOST, "--port", Integer.toString(this.port), "--dir",
				this.dataDir.toString(), "--appendonly", "yes", "--save", "", "--protected-mode", "yes", "--daemonize",
				"no");
	}

	/**
	 * Fails early if something already listens on the port: otherwise our PING could be
	 * answered by that other server while ours dies on "address in use".
	 */
	private void ensurePortFree() {
		try (ServerSocket probe = new ServerSocket(this.port, 1, InetAddress.getByName(HOST))) {
			// Bound, so free.
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot start redis-server: port " + HOST + ":" + this.port + " is already in use", ex);
		}
	}

	private void awaitPong(Process started, Path logFile, long logOffset) {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (answersPing()) {
				return;
			}
			try {
				// A short pause between attempts that ends early if the process dies.
				if (started.waitFor(50, TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("redis-server exited with code " + started.exitValue()
							+ " before answering PING. Its output (" + logFile + "):\n" + tail(logFile, logOffset));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for redis-server", ex);
			}
		}
		throw new IllegalStateException("redis-server on " + HOST + ":" + this.port + " did not answer PING within "
				+ READY_TIMEOUT.toSeconds() + " s. Its output (" + logFile + "):\n" + tail(logFile, logOffset));
	}

	/**
	 * Sends an inline {@code PING}. Only {@code +PONG} counts: while loading its
	 * append-only file redis answers {@code -LOADING} instead.
	 */
	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return "+PONG".equals(in.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void stopProcess() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		try {
			running.destroy();
			if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("redis-server (pid {}) ignored SIGTERM for {} s; killing it", running.pid(),
						STOP_TIMEOUT.toSeconds());
				running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		finally {
			this.process = null;
		}
		logger.info("redis-server on {}:{} stopped", HOST, this.port);
	}

	/**
	 * Runs in a shutdown hook, so it takes no lock (the thread that called
	 * {@code System.exit} may hold one) and does not wait long.
	 */
	private void killOnJvmExit() {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			running.destroy();
			try {
				if (!running.waitFor(5, TimeUnit.SECONDS)) {
					running.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				running.destroyForcibly();
			}
		}
	}

	private static String tail(Path logFile, long from) {
		try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
			long start = Math.max(from, file.length() - LOG_TAIL_BYTES);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			// Part of an error message already: report the failure rather than mask it.
			return "(could not read " + logFile + ": " + ex + ")";
		}
	}

}
