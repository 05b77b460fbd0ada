package dev.wasdk.sender;

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
 * second rather than one per message. Stores known to answer in memory are called directly.
 *
 * <p>Thread-safe. Never called with a lock held.
 */
final class StoreCalls {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

  private final String name;
  private final boolean direct;
  private final Executor executor;
  private final Duration budget;
  private final Clock clock;
  private volatile Instant pausedUntil = Instant.MIN;

  StoreCalls(String name, boolean direct, Executor executor, Duration budget, Clock clock) {
    this.name = name;
    this.direct = direct;
    this.executor = executor;
    this.budget = budget;
    this.clock = clock;
  }

  /** Returns the store's name, as outcomes and logs show it. */
  String name() {
    return name;
  }

  /** Runs a call and returns its result, or throws when the store failed or was too slow. */
  <T> T call(String what, Supplier<T> call) {
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
        return call.get();
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
    try {
      return f.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException ex) {
      pause();
      throw new LimiterUnavailableException(
          name + " did not answer within " + budget.toMillis() + " ms (" + what + ")", ex);
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

  private LimiterUnavailableException failed(String what, Throwable cause) {
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
