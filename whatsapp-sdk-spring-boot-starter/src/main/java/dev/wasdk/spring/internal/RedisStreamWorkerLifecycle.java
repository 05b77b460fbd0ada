package dev.wasdk.spring.internal;

import dev.wasdk.redis.RedisStreamWorker;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a {@link RedisStreamWorker} once the application context is refreshed, so that every
 * {@code @EventListener} is registered before the first stream entry is handled and acknowledged,
 * and closes it, draining running listeners, when the context stops.
 *
 * <p>Thread-safe: Spring calls start and stop from one thread at a time, and the fields they share
 * are volatile.
 */
public final class RedisStreamWorkerLifecycle implements SmartLifecycle {
  private final Supplier<RedisStreamWorker> starter;
  private volatile RedisStreamWorker worker;

  /**
   * Creates the lifecycle.
   *
   * @param starter builds and starts the worker
   */
  public RedisStreamWorkerLifecycle(Supplier<RedisStreamWorker> starter) {
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  @Override
  public void start() {
    if (worker == null) {
      worker = starter.get();
    }
  }

  @Override
  public void stop() {
    RedisStreamWorker w = worker;
    worker = null;
    if (w != null) {
      w.close();
    }
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  /** Returns the running worker, or null before start and after stop. */
  public RedisStreamWorker worker() {
    return worker;
  }

  @Override
  public String toString() {
    RedisStreamWorker w = worker;
    return "RedisStreamWorkerLifecycle[" + (w == null ? "stopped" : w) + "]";
  }
}
