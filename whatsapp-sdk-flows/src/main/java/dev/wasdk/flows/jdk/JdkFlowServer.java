package dev.wasdk.flows.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.wasdk.flows.FlowEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flow data-endpoint server on the JDK's built-in {@code com.sun.net.httpserver}: one {@link
 * FlowEndpoint} per path, so that each Flow has its own {@code endpoint_uri}, key handling and
 * counters.
 *
 * <p>Meta only calls HTTPS URLs with a valid certificate: in production put the server behind a
 * TLS-terminating proxy. Run the JVM with {@code -Dsun.net.httpserver.nodelay=true}.
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

  private static final Logger log = LoggerFactory.getLogger(JdkFlowServer.class);

  private final HttpServer server;
  private final ExecutorService ownExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkFlowServer(HttpServer server, ExecutorService ownExecutor) {
    this.server = server;
    this.ownExecutor = ownExecutor;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the address the server is bound to, with the actual port when port 0 was asked. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Returns the URL of a path on this server, such as {@code http://127.0.0.1:8443/flows/booking}.
   *
   * @param path a path given to {@link Builder#endpoint}
   */
  public URI uri(String path) {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + path);
  }

  /** Stops the server and its own request threads. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "JdkFlowServer[" + uri("") + "]";
  }

  /** Builds and starts a {@link JdkFlowServer}. Not thread-safe. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress(8080);
    private final Map<String, FlowEndpoint> endpoints = new LinkedHashMap<>();
    private ExecutorService executor;

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
     * Sets the executor that runs exchanges; the caller keeps ownership. Default: {@value
     * JdkFlowServer#DEFAULT_THREADS} threads owned by the server.
     *
     * @param executor runs exchanges
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IllegalStateException if no endpoint was added
     * @throws UncheckedIOException if the address cannot be bound
     */
    public JdkFlowServer start() {
      if (endpoints.isEmpty()) {
        throw new IllegalStateException("add at least one endpoint(path, endpoint)");
      }
      HttpServer server;
      try {
        server = HttpServer.create(address, 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address, e);
      }
      AtomicInteger sequence = new AtomicInteger();
      ExecutorService own =
          executor == null
              ? Executors.newFixedThreadPool(
                  DEFAULT_THREADS,
                  r -> {
                    Thread t = new Thread(r, "wasdk-flow-http-" + sequence.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                  })
              : null;
      server.setExecutor(executor == null ? own : executor);
      endpoints.forEach(
          (path, endpoint) -> server.createContext(path, JdkFlowHandler.of(endpoint)));
      server.start();
      JdkFlowServer started = new JdkFlowServer(server, own);
      log.debug("Flow server listening on {}", started.uri(""));
      return started;
    }
  }
}
