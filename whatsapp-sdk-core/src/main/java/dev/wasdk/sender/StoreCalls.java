package dev.wasdk.sender;

import dev.wasdk.internal.observe.SafeObserver;
import dev.wasdk.observe.StoreCallEvent;
import dev.wasdk.observe.WhatsAppObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one store within a time budget. A call runs on the store executor and the caller waits at
 * most the budget; a call that fails, throws anything, or runs over the budget becomes a {@link
 * LimiterUnavailableException} naming the store, and the store is then left alone for {@link
 * SenderConfig#STORE_RETRY}: calls in that time fail at once, so a dead store costs one budget per
 * second rather than one per message. After {@link #DOWN_AFTER} failures in a row the store counts
 * as down until a call succeeds. Stores known to answer in memory are called directly.
 *
 * <p>Thread-safe. Never called with a lock held.
 */
final class StoreCalls {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

  private final String name;
  // Set once while the sender is built, before any call; see observe().
  private WhatsAppObserver observer;
  private String store;
  private final boolean direct;
  private final Executor executor;
  private final Duration budget;
  private final Clock clock;
  private volatile Instant pausedUntil = Instant.MIN;
  private final java.util.concurrent.atomic.AtomicInteger failures =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * The budget of the calls made before the store first answers or fails, which may open its
   * connection. Once a call has failed, every call gets the normal budget, so that a stalled store
   * holds the sender's thread for at most that budget per probe.
   */
  static final Duration FIRST_CALL_BUDGET = Duration.ofSeconds(5);

  private volatile boolean warm;

  /** How many failed calls in a row make the store count as down. */
  static final int DOWN_AFTER = 3;

  StoreCalls(String name, boolean direct, Executor executor, Duration budget, Clock clock) {
    this.name = name;
    this.direct = direct;
    this.executor = executor;
    this.budget = budget;
    this.clock = clock;
  }

  /** Returns whether the store answers in memory and is called directly. */
  boolean direct() {
    return direct;
  }

  /** Returns the store's name, as outcomes and logs show it. */
  String name() {
    return name;
  }

  /** Runs a call and returns its result, or throws when the store failed or was too slow. */
  <T> T call(String what, Supplier<T> call) {
    return call(what, call, null);
  }

  /**
   * Makes each of {@code calls} report to {@code observer}; called while the sender is built,
   * before any call.
   */
  static void observe(WhatsAppObserver observer, StoreCalls... calls) {
    if (SafeObserver.isNone(observer)) {
      return;
    }
    for (StoreCalls c : calls) {
      c.observer = observer;
      c.store = storeOf(c.name);
    }
  }

  private static String storeOf(String name) {
    if (name.startsWith("the limiter")) {
      return "limiter";
    }
    if (name.startsWith("the consent")) {
      return "consent";
    }
    if (name.startsWith("the service-window")) {
      return "window";
    }
    if (name.startsWith("the recipient-id")) {
      return "recipient_id";
    }
    return "other";
  }

  /**
   * Runs a call and returns its result, or throws when the store failed or was too slow; a call
   * that answers after its budget ran out is undone with {@code undoLate} (on the store executor),
   * so that what it took is not lost. Reports the call to the observer, if any.
   */
  <T> T call(String what, Supplier<T> call, java.util.function.Consumer<T> undoLate) {
    if (observer == null) {
      return callTimed(what, call, undoLate);
    }
    long start = System.nanoTime();
    StoreCallEvent.Result result = StoreCallEvent.Result.FAILURE;
    try {
      T t = callTimed(what, call, undoLate);
      result = StoreCallEvent.Result.SUCCESS;
      return t;
    } catch (LimiterUnavailableException ex) {
      if (ex.getCause() instanceof TimeoutException) {
        result = StoreCallEvent.Result.TIMEOUT;
      } else if (ex.getCause() == null) {
        result = StoreCallEvent.Result.SKIPPED;
      }
      throw ex;
    } finally {
      observer.onStoreCall(
          new StoreCallEvent(store, what, result, Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  private <T> T callTimed(String what, Supplier<T> call, java.util.function.Consumer<T> undoLate) {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      throw new LimiterUnavailableException(
          name
              + " failed less than "
              + SenderConfig.STORE_RETRY.toMillis()
              + " ms ago ("
              + what
              + "); not called again yet");
    }
    if (direct) {
      try {
        T result = call.get();
        failures.set(0);
        warm = true;
        return result;
      } catch (RuntimeException ex) {
        throw failed(what, ex);
      }
    }
    CompletableFuture<T> f;
    try {
      f = CompletableFuture.supplyAsync(call, executor);
    } catch (RejectedExecutionException ex) {
      throw failed(what, ex);
    }
    boolean cold = !warm && failures.get() == 0;
    Duration limit = !cold || budget.compareTo(FIRST_CALL_BUDGET) >= 0 ? budget : FIRST_CALL_BUDGET;
    try {
      T result = f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
      failures.set(0);
      warm = true;
      return result;
    } catch (TimeoutException ex) {
      failures.incrementAndGet();
      pause();
      if (undoLate != null) {
        f.thenAccept(late -> runAsync("undo a late " + what, () -> undoLate.accept(late)));
      }
      throw new LimiterUnavailableException(
          name + " did not answer within " + limit.toMillis() + " ms (" + what + ")", ex);
    } catch (ExecutionException ex) {
      throw failed(what, ex.getCause() != null ? ex.getCause() : ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new LimiterUnavailableException(name + " call interrupted (" + what + ")", ex);
    }
  }

  /**
   * Runs a write whose result nobody waits for (a release, a record of what a webhook said): in
   * memory at once, otherwise on the store executor. A failure is logged.
   */
  void runAsync(String what, Runnable write) {
    Runnable logged =
        () -> {
          try {
            write.run();
          } catch (RuntimeException ex) {
            LOG.warn("{} failed ({}): {}", name, what, ex.toString());
          }
        };
    if (direct) {
      logged.run();
      return;
    }
    try {
      executor.execute(logged);
    } catch (RejectedExecutionException ex) {
      LOG.warn("{} write dropped ({}): the store executor refused it", name, what);
    }
  }

  /**
   * Returns whether the store counts as down: its last {@link #DOWN_AFTER} calls failed. One call a
   * second still probes it, and the first that succeeds brings it back.
   */
  boolean isDown() {
    return failures.get() >= DOWN_AFTER;
  }

  private LimiterUnavailableException failed(String what, Throwable cause) {
    failures.incrementAndGet();
    pause();
    if (cause instanceof LimiterUnavailableException lue) {
      return new LimiterUnavailableException(
          name + " is unavailable (" + what + "): " + lue.getMessage(), lue);
    }
    return new LimiterUnavailableException(
        name
            + " failed ("
            + what
            + "): "
            + cause.getClass().getSimpleName()
            + ": "
            + cause.getMessage(),
        cause);
  }

  private void pause() {
    Instant until = clock.instant().plus(SenderConfig.STORE_RETRY);
    pausedUntil = until;
    LOG.warn("{} failed or was too slow: not called until {}", name, until);
  }
}
