package dev.wasdk.internal.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Enforces the whole-response deadline of the buffered bodies one transport has in flight, with one
 * sweep every period instead of one timer per response.
 *
 * <p>A per-response timer costs an offer to and a removal from a scheduler's queue on every
 * request, and every sending thread contends on that queue's lock. Here a body only joins a
 * concurrent set when its headers arrive and leaves it when it ends; while the set is not empty,
 * one task per transport is scheduled every period, and it fails the bodies whose deadline has
 * passed. When the set empties the sweep stops, so an idle transport schedules nothing. A stalled
 * body therefore fails between its deadline and one period after it. A body that is still receiving
 * data also checks its deadline on each chunk ({@link BoundedBody#onNext}).
 *
 * <p>The sweep runs on one daemon thread ({@code wasdk-body-deadlines}) shared by every transport.
 * It holds no lock while it fails a body, and the HTTP client passes the failure on to the caller's
 * future through its own executors. Thread-safe.
 */
final class BodyDeadlines {

  /** A body whose whole-response deadline the sweep enforces. */
  interface Watched {
    /**
     * Fails the body if its deadline has passed and it has not ended.
     *
     * @param nowNanos the current time on the deadlines' clock
     * @return whether the deadline has passed
     */
    boolean expireIfDue(long nowNanos);
  }

  /** Where the sweep is scheduled; a test replaces it to run sweeps by hand. */
  interface Scheduler {
    /**
     * Runs a task once after a delay.
     *
     * @param task the task
     * @param delayNanos the delay
     */
    void schedule(Runnable task, long delayNanos);
  }

  /** The shortest and longest sweep periods. */
  static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final LongSupplier clock;
  private final Scheduler scheduler;
  private final long periodNanos;
  private final Runnable sweep = this::sweep;

  BodyDeadlines(LongSupplier clock, Scheduler scheduler, long periodNanos) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("periodNanos must be positive: " + periodNanos);
    }
    this.clock = clock;
    this.scheduler = scheduler;
    this.periodNanos = periodNanos;
  }

  /**
   * Returns the deadlines of a transport whose bodies get {@code timeout}: a tenth of it per sweep,
   * between 10 ms and 1 s, on the shared sweep thread and {@link System#nanoTime()}.
   *
   * @param timeout the whole-response timeout
   * @return the deadlines
   */
  static BodyDeadlines forTimeout(Duration timeout) {
    return new BodyDeadlines(System::nanoTime, SharedSweeper::schedule, periodFor(timeout));
  }

  /**
   * Returns the sweep period for a timeout: a tenth of it, between 10 ms and 1 s.
   *
   * @param timeout the timeout
   * @return the period in nanoseconds
   */
  static long periodFor(Duration timeout) {
    long tenth = timeout.toNanos() / 10;
    return Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, tenth));
  }

  /** Returns the current time on this instance's clock, in nanoseconds. */
  long now() {
    return clock.getAsLong();
  }

  /** Returns the sweep period in nanoseconds. */
  long periodNanos() {
    return periodNanos;
  }

  /** Returns how many bodies are being watched. */
  int inFlight() {
    return inFlight.size();
  }

  /** Returns whether a sweep is scheduled. */
  boolean armed() {
    return armed.get();
  }

  /**
   * Watches a body until {@link #remove} is called; schedules the sweep if none is.
   *
   * @param body the body
   */
  void add(Watched body) {
    inFlight.add(body);
    if (!armed.get() && armed.compareAndSet(false, true)) {
      scheduler.schedule(sweep, periodNanos);
    }
  }

  /**
   * Stops watching a body.
   *
   * @param body the body
   */
  void remove(Watched body) {
    inFlight.remove(body);
  }

  /** Fails every body past its deadline, then schedules the next sweep if any body is left. */
  void sweep() {
    try {
      long now = clock.getAsLong();
      for (Watched body : inFlight) {
        try {
          body.expireIfDue(now);
        } catch (RuntimeException e) {
          // one body's cancel failing must not spare the others; it is dropped from the watch
          inFlight.remove(body);
        }
      }
    } finally {
      if (!inFlight.isEmpty()) {
        scheduler.schedule(sweep, periodNanos);
      } else {
        armed.set(false);
        // A body added between the emptiness check and the reset saw the sweep still armed and
        // scheduled nothing; it is picked up here.
        if (!inFlight.isEmpty() && armed.compareAndSet(false, true)) {
          scheduler.schedule(sweep, periodNanos);
        }
      }
    }
  }

  /** The one daemon thread every transport's sweep runs on, started on first use. */
  private static final class SharedSweeper {
    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor e =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "wasdk-body-deadlines");
                t.setDaemon(true);
                return t;
              });
      e.setRemoveOnCancelPolicy(true);
      return e;
    }

    static void schedule(Runnable task, long delayNanos) {
      EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    private SharedSweeper() {}
  }
}
