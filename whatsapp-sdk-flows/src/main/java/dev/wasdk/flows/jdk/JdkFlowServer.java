package dev.wasdk.flows.jdk;

import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.webhooks.internal.http.BoundedHttpServer;
import dev.wasdk.webhooks.internal.http.ServerSettings;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flow data-endpoint server with no dependencies beyond the JDK: one {@link FlowEndpoint} per
 * path, so that each Flow has its own {@code endpoint_uri}, key handling and counters, on the same
 * bounded HTTP/1.1 intake as {@link dev.wasdk.webhooks.jdk.JdkWebhookServer}.
 *
 * <p><b>Limits.</b> Slow or hostile clients cannot stall it:
 *
 * <ul>
 *   <li>a cap on open connections ({@link Builder#maxConnections}, default {@value
 *       #DEFAULT_MAX_CONNECTIONS}); a connection beyond it gets 503 at once;
 *   <li>a deadline for each whole request, line, headers and body ({@link Builder#requestTimeout},
 *       default 10 seconds); past it the client gets 408 and the connection is closed;
 *   <li>an early 413 when {@code Content-Length} is over the path's endpoint's {@linkplain
 *       FlowEndpoint#maxBodyBytes() limit}, before any body byte is read;
 *   <li>one budget for the body bytes buffered across all connections ({@link
 *       Builder#bufferBudgetBytes}, default 64 MiB); a body that would exceed it gets 503;
 *   <li>a bounded pool that runs the endpoints ({@value #DEFAULT_THREADS} threads and a queue of
 *       {@value #DEFAULT_QUEUE} requests by default); when both are full, a request gets 503.
 * </ul>
 *
 * <p>Only complete requests reach an endpoint, so a trickling client costs one waiting connection
 * thread and never a request thread; the endpoint's own handler budget then bounds the answer. Any
 * other path gets 404. To serve a Flow inside your own {@code com.sun.net.httpserver}, use {@link
 * JdkFlowHandler}, which has none of these limits.
 *
 * <p>Meta only calls HTTPS URLs with a valid certificate: in production put the server behind a
 * TLS-terminating proxy.
 *
 * <p>Thread-safe; {@link #close()} stops the server (the endpoints stay open; close them too).
 *
 * <pre>{@code
 * try (JdkFlowServer server = JdkFlowServer.builder()
 *     .address(new InetSocketAddress(8443))
 *     .endpoint("/flows/booking", bookingEndpoint)
 *     .start()) {
 *   System.out.println("booking endpoint at " + server.uri("/flows/booking"));
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class JdkFlowServer implements AutoCloseable {
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

  private static final Logger log = LoggerFactory.getLogger(JdkFlowServer.class);

  private final BoundedHttpServer server;
  private final ServerSettings.Running running;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkFlowServer(ServerSettings.Running running) {
    this.server = running.server();
    this.running = running;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the address the server is bound to, with the actual port when port 0 was asked. */
  public InetSocketAddress address() {
    return server.address();
  }

  /**
   * Returns the URL of a path on this server, such as {@code http://127.0.0.1:8443/flows/booking}.
   *
   * @param path a path given to {@link Builder#endpoint}
   */
  public URI uri(String path) {
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

  /** Stops the server, closes every connection and stops its own request threads. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running.stop(Duration.ZERO);
    log.debug("Flow server stopped");
  }

  @Override
  public String toString() {
    return "JdkFlowServer[" + uri("") + "]";
  }

  /** Builds and starts a {@link JdkFlowServer}. Not thread-safe. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress(8080);
    private final Map<String, FlowEndpoint> endpoints = new LinkedHashMap<>();
    private final ServerSettings settings =
        new ServerSettings(
            DEFAULT_THREADS,
            DEFAULT_QUEUE,
            DEFAULT_MAX_CONNECTIONS,
            DEFAULT_REQUEST_TIMEOUT,
            DEFAULT_BUFFER_BUDGET_BYTES);

    private Builder() {}

    /**
     * Sets the address to listen on. Default: port 8080 on every interface; port 0 picks a free
     * one.
     *
     * @param address host and port
     */
    public Builder address(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Serves an endpoint at a path. At least one is required.
     *
     * @param path starts with {@code /}; each path once
     * @param endpoint answers the path's requests
     */
    public Builder endpoint(String path, FlowEndpoint endpoint) {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(endpoint, "endpoint");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', was " + path);
      }
      if (endpoints.putIfAbsent(path, endpoint) != null) {
        throw new IllegalArgumentException("path " + path + " already has an endpoint");
      }
      return this;
    }

    /**
     * Sets the executor that runs the endpoints; the caller keeps ownership and shuts it down. Give
     * it a bounded queue: when it refuses a task, the request gets 503. Default: {@link #threads}
     * threads and a queue of {@link #queue} requests, owned by the server.
     *
     * @param executor runs the endpoints for complete requests
     */
    public Builder executor(ExecutorService executor) {
      settings.executor(executor);
      return this;
    }

    /**
     * Sets the number of request threads of the server's own pool. Default {@value
     * JdkFlowServer#DEFAULT_THREADS}. Ignored with {@link #executor}.
     *
     * @param threads at least 1
     */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /**
     * Sets how many complete requests may wait for a request thread; beyond it they get 503.
     * Default {@value JdkFlowServer#DEFAULT_QUEUE}. Ignored with {@link #executor}.
     *
     * @param queue zero or more
     */
    public Builder queue(int queue) {
      settings.queue(queue);
      return this;
    }

    /**
     * Sets the most connections open at once; a connection beyond it gets 503 and is closed.
     * Default {@value JdkFlowServer#DEFAULT_MAX_CONNECTIONS}.
     *
     * @param maxConnections at least 1
     */
    public Builder maxConnections(int maxConnections) {
      settings.maxConnections(maxConnections);
      return this;
    }

    /**
     * Sets the deadline for a whole request, line, headers and body, counted from when the server
     * starts waiting for it. Default 10 seconds.
     *
     * @param requestTimeout positive
     */
    public Builder requestTimeout(Duration requestTimeout) {
      settings.requestTimeout(requestTimeout);
      return this;
    }

    /**
     * Sets the budget of body bytes buffered across all connections; a body that would exceed it
     * gets 503. Default 64 MiB. Checked at {@link #start()} against the largest endpoint body
     * limit.
     *
     * @param bufferBudgetBytes positive
     */
    public Builder bufferBudgetBytes(long bufferBudgetBytes) {
      settings.bufferBudgetBytes(bufferBudgetBytes, 1, "1");
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IllegalStateException if no endpoint was added, or the buffer budget is smaller than
     *     an endpoint's body limit
     * @throws UncheckedIOException if the address cannot be bound
     */
    public JdkFlowServer start() {
      if (endpoints.isEmpty()) {
        throw new IllegalStateException("add at least one endpoint(path, endpoint)");
      }
      Map<String, BoundedHttpServer.Route> routes = new LinkedHashMap<>();
      endpoints.forEach(
          (path, endpoint) -> {
            if (endpoint.maxBodyBytes() > settings.bufferBudgetBytes()) {
              throw new IllegalStateException(
                  "bufferBudgetBytes "
                      + settings.bufferBudgetBytes()
                      + " is below the maxBodyBytes "
                      + endpoint.maxBodyBytes()
                      + " of the endpoint at "
                      + path);
            }
            routes.put(
                path, new BoundedHttpServer.Route(endpoint.maxBodyBytes(), endpoint::handle));
          });
      JdkFlowServer started = new JdkFlowServer(settings.start(address, routes, "wasdk-flow-"));
      log.debug("Flow server listening on {}", started.uri(""));
      return started;
    }
  }
}
