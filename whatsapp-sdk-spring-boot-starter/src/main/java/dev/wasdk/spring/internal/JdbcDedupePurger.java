package dev.wasdk.spring.internal;

import dev.wasdk.jdbc.JdbcDeduplicator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes the expired rows of a {@link JdbcDeduplicator} at a fixed interval while the application
 * runs, so the table holds about one horizon of keys rather than every key ever seen. Expired rows
 * already count as absent; purging only keeps the table small, so a failed purge is logged and the
 * next one tries again. Every instance may purge: the statement deletes only expired rows.
 *
 * <p>Thread-safe: one daemon thread runs the purges; start and stop come from Spring's lifecycle.
 */
public final class JdbcDedupePurger implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(JdbcDedupePurger.class);

  private final JdbcDeduplicator deduplicator;
  private final Duration interval;
  private final Clock clock;
  private volatile ScheduledExecutorService scheduler;

  /**
   * Creates the purger.
   *
   * @param deduplicator the store to purge
   * @param interval time between purges; positive
   * @param clock the time purges compare expiries with
   */
  public JdbcDedupePurger(JdbcDeduplicator deduplicator, Duration interval, Clock clock) {
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
  }

  @Override
  public void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wasdk-dedupe-purge");
              t.setDaemon(true);
              return t;
            });
    long millis = Math.max(1, interval.toMillis());
    s.scheduleWithFixedDelay(this::purgeOnce, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  private void purgeOnce() {
    try {
      int removed = deduplicator.purgeExpired(clock.instant());
      log.debug("Webhook de-duplication purge removed {} expired keys", removed);
    } catch (RuntimeException e) {
      log.warn("Webhook de-duplication purge failed; the next one tries again: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService s = scheduler;
    scheduler = null;
    if (s != null) {
      s.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public String toString() {
    return "JdbcDedupePurger[interval=" + interval + "]";
  }
}
