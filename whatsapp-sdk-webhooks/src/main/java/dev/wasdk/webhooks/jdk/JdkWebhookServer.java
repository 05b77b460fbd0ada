package dev.wasdk.webhooks.jdk;

import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.internal.http.BoundedHttpServer;
import dev.wasdk.webhooks.internal.http.ServerSettings;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook server with no dependencies beyond the JDK: it serves a {@link WebhookEndpoint} at
 * exactly one path, and slow or hostile clients cannot stall it.
 *
 * <p><b>Limits.</b> The JDK's {@code com.sun.net.httpserver} can bound a request's time only
 * through JVM-wide system properties ({@code sun.net.httpserver.maxReqTime} and others, read once
 * for every server in the JVM), cannot cap open connections on JDK 17, and reads request heads and
 * bodies on its request threads, so a few connections that trickle bytes pin every thread. This
 * server therefore runs its own small HTTP/1.1 accept loop (the body plain or chunked) and
 * enforces, without any system property:
 *
 * <ul>
 *   <li>a cap on open connections ({@link Builder#maxConnections}, default {@value
 *       #DEFAULT_MAX_CONNECTIONS}); a connection beyond it gets 503 at once;
 *   <li>a deadline for each whole request, line, headers and body ({@link Builder#requestTimeout},
 *       default 10 seconds); past it the client gets 408 and the connection is closed;
 *   <li>an early 413 when {@code Content-Length} is over the endpoint's {@linkplain
 *       WebhookEndpoint#maxBodyBytes() limit}, before any body byte is read;
 *   <li>one budget for the body bytes buffered across all connections ({@link
 *       Builder#bufferBudgetBytes}, default 64 MiB); a body that would exceed it gets 503. Bodies
 *       grow only as bytes arrive, so trickling clients hold almost nothing;
 *   <li>a bounded pool that runs the endpoint ({@value #DEFAULT_THREADS} threads and a queue of
 *       {@value #DEFAULT_QUEUE} requests by default); when both are full, a request gets 503.
 * </ul>
 *
 * <p>Only complete requests reach the endpoint, so the signature is checked on a whole body and a
 * slow client costs one waiting connection thread, never a request thread. Any other path gets 404.
 * Every response carries {@code X-Content-Type-Options: nosniff}. Meta retries every answer other
 * than 200, so a 503 or 408 loses nothing.
 *
 * <p>Meta only calls HTTPS URLs with a valid certificate, so in production put it behind a TLS
 * terminating proxy or load balancer, whose own timeouts then apply first.
 *
 * <p>Thread-safe; {@link #close()} stops it.
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

  /** The default number of complete requests that may wait for a request thread. */
  public static final int DEFAULT_QUEUE = 64;

  /** The default cap on open connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;

  /** The default deadline for a whole request. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The default budget of body bytes buffered across all connections: 64 MiB. */
  public static final long DEFAULT_BUFFER_BUDGET_BYTES = 64L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(JdkWebhookServer.class);

  private final BoundedHttpServer server;
  private final ServerSettings.Running running;
  private final String path;
  private final Duration stopDelay;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkWebhookServer(ServerSettings.Running running, String path, Duration stopDelay) {
    this.server = running.server();
    this.running = running;
    this.path = path;
    this.stopDelay = stopDelay;
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
    return server.address();
  }

  /** Returns the callback URL on this host, such as {@code http://127.0.0.1:8080/webhook}. */
  public URI uri() {
    InetSocketAddress a = server.address();
    String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + path);
  }

  /** Returns how many connections are open now. */
  int openConnections() {
    return server.openConnections();
  }

  /** Returns how many body bytes are buffered across all connections now. */
  long bufferedBytes() {
    return server.bufferedBytes();
  }

  /**
   * Stops the server: lets requests already running finish for up to the stop delay, then closes
   * every connection and stops the server's own request threads. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running.stop(stopDelay);
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
    private final ServerSettings settings =
        new ServerSettings(
            DEFAULT_THREADS,
            DEFAULT_QUEUE,
            DEFAULT_MAX_CONNECTIONS,
            DEFAULT_REQUEST_TIMEOUT,
            DEFAULT_BUFFER_BUDGET_BYTES);
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
     * Sets the path of the callback URL; only this exact path is served, others get 404. Default
     * {@code /webhook}.
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
     * Sets the executor that runs the endpoint; the caller keeps ownership and shuts it down. Give
     * it a bounded queue: when it refuses a task, the request gets 503. Default: {@link #threads}
     * threads and a queue of {@link #queue} requests, owned by the server. In synchronous dispatch
     * the handlers run on it, so size it for them.
     *
     * @param executor runs the endpoint for complete requests
     */
    public Builder executor(ExecutorService executor) {
      settings.executor(executor);
      return this;
    }

    /**
     * Sets the number of request threads of the server's own pool. Default {@value
     * JdkWebhookServer#DEFAULT_THREADS}. Ignored with {@link #executor}.
     *
     * @param threads at least 1
     */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /**
     * Sets how many complete requests may wait for a request thread; beyond it they get 503.
     * Default {@value JdkWebhookServer#DEFAULT_QUEUE}. Ignored with {@link #executor}.
     *
     * @param queue zero or more
     */
    public Builder queue(int queue) {
      settings.queue(queue);
      return this;
    }

    /**
     * Sets the most connections open at once; a connection beyond it gets 503 and is closed. Each
     * open connection costs a waiting thread and a header buffer. Default {@value
     * JdkWebhookServer#DEFAULT_MAX_CONNECTIONS}.
     *
     * @param maxConnections at least 1
     */
    public Builder maxConnections(int maxConnections) {
      settings.maxConnections(maxConnections);
      return this;
    }

    /**
     * Sets the deadline for a whole request, line, headers and body, counted from when the server
     * starts waiting for it (on a kept-alive connection, from the previous answer). Default 10
     * seconds; Meta sends a whole delivery at once.
     *
     * @param requestTimeout positive
     */
    public Builder requestTimeout(Duration requestTimeout) {
      settings.requestTimeout(requestTimeout);
      return this;
    }

    /**
     * Sets the budget of body bytes buffered across all connections; a body that would exceed it
     * gets 503. Default 64 MiB, about 20 full 3 MB deliveries at once.
     *
     * @param bufferBudgetBytes at least the endpoint's body limit
     */
    public Builder bufferBudgetBytes(long bufferBudgetBytes) {
      settings.bufferBudgetBytes(
          bufferBudgetBytes,
          endpoint.maxBodyBytes(),
          "the endpoint's maxBodyBytes " + endpoint.maxBodyBytes());
      return this;
    }

    /**
     * Sets how long {@link JdkWebhookServer#close()} lets running requests finish. Default zero. A
     * cut-off exchange is not lost: Meta sees no 200 and delivers again, and the retry is
     * de-duplicated.
     *
     * @param stopDelay zero or more
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
      ServerSettings.Running running =
          settings.start(
              address,
              Map.of(path, new BoundedHttpServer.Route(endpoint.maxBodyBytes(), endpoint::handle)),
              "wasdk-webhook-");
      JdkWebhookServer started = new JdkWebhookServer(running, path, stopDelay);
      log.debug("Webhook server listening on {}", started.uri());
      return started;
    }
  }
}
