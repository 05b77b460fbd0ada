package dev.wasdk.webhooks.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.wasdk.webhooks.WebhookEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook server on the JDK's built-in {@code com.sun.net.httpserver}, with no further
 * dependencies: it serves a {@link WebhookEndpoint} at one path.
 *
 * <p>Meta only calls HTTPS URLs with a valid certificate, so in production put it behind a TLS
 * terminating proxy or load balancer. Run the JVM with {@code -Dsun.net.httpserver.nodelay=true};
 * without it every response waits about 40 ms for the TCP stack, and the server logs a WARN line
 * once at start.
 *
 * <p>Requests are handled on a pool of {@value #DEFAULT_THREADS} threads unless you give your own
 * executor. Thread-safe; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (JdkWebhookServer server = JdkWebhookServer.builder(endpoint)
 *     .address(new InetSocketAddress(8080))
 *     .path("/webhook")
 *     .start()) {
 *   System.out.println("listening on " + server.uri());
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class JdkWebhookServer implements AutoCloseable {
  /** The default number of request threads. */
  public static final int DEFAULT_THREADS = 16;

  private static final Logger log = LoggerFactory.getLogger(JdkWebhookServer.class);
  private static final AtomicBoolean NODELAY_WARNED = new AtomicBoolean();

  private final HttpServer server;
  private final ExecutorService ownExecutor;
  private final String path;
  private final int stopDelaySeconds;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkWebhookServer(
      HttpServer server, ExecutorService ownExecutor, String path, int stopDelaySeconds) {
    this.server = server;
    this.ownExecutor = ownExecutor;
    this.path = path;
    this.stopDelaySeconds = stopDelaySeconds;
  }

  /**
   * Returns a builder.
   *
   * @param endpoint answers the requests
   */
  public static Builder builder(WebhookEndpoint endpoint) {
    return new Builder(endpoint);
  }

  /** Returns the address the server is bound to, with the actual port when port 0 was asked. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Returns the callback URL on this host, such as {@code http://127.0.0.1:8080/webhook}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + path);
  }

  /**
   * Stops accepting connections, waits the configured stop delay for running exchanges, and stops
   * the server's own request threads. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(stopDelaySeconds);
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
    log.debug("Webhook server stopped");
  }

  @Override
  public String toString() {
    return "JdkWebhookServer[" + uri() + "]";
  }

  /** Builds and starts a {@link JdkWebhookServer}. Not thread-safe. */
  public static final class Builder {
    private final WebhookEndpoint endpoint;
    private InetSocketAddress address = new InetSocketAddress(8080);
    private String path = "/webhook";
    private ExecutorService executor;
    private Duration stopDelay = Duration.ZERO;

    private Builder(WebhookEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * Sets the address to listen on. Default: port 8080 on every interface. Port 0 picks a free
     * port; read it back from {@link JdkWebhookServer#address()}.
     *
     * @param address host and port
     */
    public Builder address(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the path of the callback URL. Default {@code /webhook}.
     *
     * @param path starts with {@code /}
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', was " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * Sets the executor that runs requests; the caller keeps ownership and shuts it down. Default:
     * a pool of {@value JdkWebhookServer#DEFAULT_THREADS} threads owned by the server. In
     * synchronous dispatch the handlers run on it, so size it for them.
     *
     * @param executor runs the exchanges
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how long {@link JdkWebhookServer#close()} lets running exchanges finish. Default zero.
     * On JDK 17 the server waits the whole delay even when idle. A cut-off exchange is not lost:
     * Meta sees no 200 and delivers again, and the retry is de-duplicated.
     *
     * @param stopDelay whole seconds, zero or more
     */
    public Builder stopDelay(Duration stopDelay) {
      Objects.requireNonNull(stopDelay, "stopDelay");
      if (stopDelay.isNegative()) {
        throw new IllegalArgumentException("stopDelay must not be negative");
      }
      this.stopDelay = stopDelay;
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public JdkWebhookServer start() {
      if (!"true".equals(System.getProperty("sun.net.httpserver.nodelay"))
          && NODELAY_WARNED.compareAndSet(false, true)) {
        log.warn(
            "sun.net.httpserver.nodelay is not set to true; each webhook response may wait about"
                + " 40 ms. Start the JVM with -Dsun.net.httpserver.nodelay=true");
      }
      HttpServer server;
      try {
        server = HttpServer.create(address, 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address, e);
      }
      ExecutorService own =
          executor == null
              ? Executors.newFixedThreadPool(DEFAULT_THREADS, new NamedThreads())
              : null;
      server.setExecutor(executor == null ? own : executor);
      server.createContext(path, JdkWebhookHandler.of(endpoint));
      server.start();
      JdkWebhookServer started =
          new JdkWebhookServer(
              server, own, path, (int) Math.min(Integer.MAX_VALUE, stopDelay.toSeconds()));
      log.debug("Webhook server listening on {}", started.uri());
      return started;
    }
  }

  private static final class NamedThreads implements ThreadFactory {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "wasdk-webhook-http-" + SEQUENCE.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
