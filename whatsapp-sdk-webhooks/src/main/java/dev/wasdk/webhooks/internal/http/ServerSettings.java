package dev.wasdk.webhooks.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limits a JDK-hosted server's builder collects (request threads, queue, connection cap,
 * request deadline, buffer budget, or an executor of the caller's), checked as they are set, and
 * the start and stop of a {@link BoundedHttpServer} with them. Shared by the webhook and the Flow
 * servers so that both offer the same limits with the same checks.
 *
 * <p>Not thread-safe: a builder's part.
 */
public final class ServerSettings {
  private ExecutorService executor;
  private int threads;
  private int queue;
  private int maxConnections;
  private Duration requestTimeout;
  private long bufferBudgetBytes;

  /**
   * Creates settings with the given defaults.
   *
   * @param threads request threads of the server's own pool
   * @param queue complete requests that may wait for a request thread
   * @param maxConnections open connections at once
   * @param requestTimeout deadline of a whole request
   * @param bufferBudgetBytes body bytes buffered across all connections
   */
  public ServerSettings(
      int threads, int queue, int maxConnections, Duration requestTimeout, long bufferBudgetBytes) {
    threads(threads);
    queue(queue);
    maxConnections(maxConnections);
    requestTimeout(requestTimeout);
    this.bufferBudgetBytes = bufferBudgetBytes;
  }

  /** Sets an executor of the caller's, which the server then neither owns nor shuts down. */
  public void executor(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Sets the number of request threads; at least 1. */
  public void threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
  }

  /** Sets how many complete requests may wait for a thread; zero or more. */
  public void queue(int queue) {
    if (queue < 0) {
      throw new IllegalArgumentException("queue must not be negative, was " + queue);
    }
    this.queue = queue;
  }

  /** Sets the cap on open connections; at least 1. */
  public void maxConnections(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, was " + maxConnections);
    }
    this.maxConnections = maxConnections;
  }

  /** Sets the deadline of a whole request; positive. */
  public void requestTimeout(Duration requestTimeout) {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    this.requestTimeout = requestTimeout;
  }

  /**
   * Sets the budget of buffered body bytes.
   *
   * @param bufferBudgetBytes at least {@code atLeast}
   * @param atLeast the smallest budget allowed, such as the largest body limit served
   * @param what names that smallest budget in the error
   */
  public void bufferBudgetBytes(long bufferBudgetBytes, long atLeast, String what) {
    if (bufferBudgetBytes < atLeast) {
      throw new IllegalArgumentException(
          "bufferBudgetBytes must be at least " + what + ", was " + bufferBudgetBytes);
    }
    this.bufferBudgetBytes = bufferBudgetBytes;
  }

  /** Returns the budget of buffered body bytes. */
  public long bufferBudgetBytes() {
    return bufferBudgetBytes;
  }

  /**
   * Starts a server on these settings, with its own request pool unless an executor was given.
   *
   * @param address where to listen
   * @param routes the served paths
   * @param threadPrefix names the server's threads, such as {@code wasdk-webhook-}
   * @return the running server and its own pool, if any
   * @throws UncheckedIOException if the address cannot be bound
   */
  public Running start(
      InetSocketAddress address, Map<String, BoundedHttpServer.Route> routes, String threadPrefix) {
    ExecutorService own =
        executor == null
            ? new ThreadPoolExecutor(
                threads,
                threads,
                0L,
                TimeUnit.MILLISECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                new NamedThreads(threadPrefix + "http-"),
                new ThreadPoolExecutor.AbortPolicy())
            : null;
    try {
      BoundedHttpServer server =
          BoundedHttpServer.start(
              new BoundedHttpServer.Config(
                  address,
                  routes,
                  maxConnections,
                  requestTimeout.toMillis(),
                  bufferBudgetBytes,
                  executor == null ? own : executor,
                  new NamedThreads(threadPrefix + "conn-")));
      return new Running(server, own);
    } catch (IOException e) {
      if (own != null) {
        own.shutdownNow();
      }
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  /**
   * A started server and the request pool it owns ({@code null} with an executor of the caller's).
   *
   * @param server the server
   * @param ownExecutor the pool the server owns, or {@code null}
   */
  public record Running(BoundedHttpServer server, ExecutorService ownExecutor) {

    /**
     * Lets running requests finish for up to {@code stopDelay}, then closes every connection and
     * stops the server's own request threads.
     *
     * @param stopDelay zero or more
     */
    public void stop(Duration stopDelay) {
      if (ownExecutor != null && !stopDelay.isZero()) {
        ownExecutor.shutdown();
        try {
          ownExecutor.awaitTermination(stopDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      server.close();
      if (ownExecutor != null) {
        ownExecutor.shutdownNow();
      }
    }
  }

  private static final class NamedThreads implements ThreadFactory {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final String prefix;

    NamedThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + SEQUENCE.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
