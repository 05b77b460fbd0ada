package dev.wasdk.redis.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * Runs a real {@code redis-server} on a free loopback port, for tests and benchmarks: the one on
 * the {@code PATH} when there is one (or the file named by the environment variable {@code
 * WASDK_REDIS_SERVER}), otherwise the binary shipped inside {@code
 * com.github.codemonstur:embedded-redis}, so nothing needs installing.
 *
 * <p>The server keeps nothing on disk ({@code save ""}, no append-only file), listens on 127.0.0.1
 * only, and is stopped by {@link #close()} or, for {@link #shared()}, when the JVM exits.
 *
 * <pre>{@code
 * try (LocalRedisServer redis = LocalRedisServer.start()) {
 *     RedisLimiterStore store = RedisLimiterStore.builder().redisUri(redis.uri()).build();
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class LocalRedisServer implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 15_000;
  private static LocalRedisServer shared;
  private static Path executable;
  private static String executableSource;

  private final Path binary;
  private final String source;
  private final int port;
  private final Path dir;
  private final boolean durable;
  private Process process;

  private LocalRedisServer(Path binary, String source, int port, boolean durable)
      throws IOException {
    this.binary = binary;
    this.source = source;
    this.port = port;
    this.durable = durable;
    this.dir = Files.createTempDirectory("wasdk-redis-");
  }

  /**
   * Returns a server shared by every caller in this JVM, starting it on first use; it stops when
   * the JVM exits.
   *
   * @return the running server
   */
  public static synchronized LocalRedisServer shared() {
    if (shared == null) {
      LocalRedisServer s = start();
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "local-redis-stop"));
      shared = s;
    }
    return shared;
  }

  /**
   * Starts a new server on a free port.
   *
   * @return the running server
   * @throws UncheckedIOException if no redis-server can be found or started
   */
  public static LocalRedisServer start() {
    return start(false);
  }

  /**
   * Starts a new server on a free port that writes every change to its append-only file before it
   * answers ({@code appendonly yes}, {@code appendfsync always}), so that its data survives {@link
   * #restart()}: the setup for a Redis that must keep consent across its own restarts.
   *
   * @return the running server
   * @throws UncheckedIOException if no redis-server can be found or started
   */
  public static LocalRedisServer startDurable() {
    return start(true);
  }

  private static LocalRedisServer start(boolean durable) {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Path exe = executable();
        LocalRedisServer server = new LocalRedisServer(exe, executableSource, freePort(), durable);
        server.launch();
        return server;
      } catch (IOException e) {
        last = e; // most likely another process took the port in between
      }
    }
    throw new UncheckedIOException("could not start redis-server", last);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return port;
  }

  /** Returns the server's URI, such as {@code redis://127.0.0.1:49152}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Returns where the binary came from: {@code PATH (/usr/bin/redis-server)} or similar. */
  public String source() {
    return source;
  }

  /** Returns whether the server process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the server and waits for it to exit. Does nothing when it is not running. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Starts the server again on the same port, after {@link #stop()}; its data is gone, unless it
   * was started with {@link #startDurable()}.
   *
   * @throws UncheckedIOException if it cannot start
   */
  public synchronized void restart() {
    stop();
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kills the server process at once ({@code SIGKILL}, no shutdown save), as a crash would, waits
   * for it to exit, and starts it again on the same port. With {@link #startDurable()} the data
   * written before the kill is kept.
   *
   * @throws UncheckedIOException if it cannot start again
   */
  public synchronized void crashAndRestart() {
    if (process != null) {
      try {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "LocalRedisServer[" + uri() + ", " + source + "]";
  }

  private synchronized void launch() throws IOException {
    Path log = dir.resolve("redis.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    durable ? "yes" : "no",
                    "--appendfsync",
                    durable ? "always" : "no",
                    "--daemonize",
                    "no",
                    "--dir",
                    dir.toString(),
                    "--loglevel",
                    "warning"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (!answersPing()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException(
            "redis-server (" + source + ") did not start on port " + port + ": " + tail(log));
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting redis-server", e);
      }
    }
    process = p;
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int n = in.readNBytes(reply, 0, 7);
      return n == 7 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static synchronized Path executable() throws IOException {
    if (executable != null) {
      return executable;
    }
    String named = System.getenv("WASDK_REDIS_SERVER");
    if (named != null && !named.isBlank() && Files.isExecutable(Path.of(named))) {
      executableSource = "WASDK_REDIS_SERVER (" + named + ")";
      return executable = Path.of(named);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, "redis-server");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          executableSource = "PATH (" + candidate + ")";
          return executable = candidate;
        }
      }
    }
    File extracted = ExecutableProvider.newJarResourceProvider().get();
    if (!extracted.canExecute() && !extracted.setExecutable(true)) {
      throw new IOException("cannot make " + extracted + " executable");
    }
    executableSource = "embedded-redis (" + extracted.getName() + ")";
    return executable = extracted.toPath();
  }
}
