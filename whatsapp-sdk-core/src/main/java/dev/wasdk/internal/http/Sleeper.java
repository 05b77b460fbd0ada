package dev.wasdk.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retry attempts: blocking for the synchronous path, scheduled for the asynchronous
 * one. Tests inject a fake that records the waits and returns at once. Implementations must be
 * thread-safe.
 */
public interface Sleeper {

  /** The real sleeper: {@link Thread#sleep} and {@link CompletableFuture#delayedExecutor}. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis());
        }

        @Override
        public Executor delayed(Duration duration, Executor executor) {
          return CompletableFuture.delayedExecutor(
              duration.toMillis(), TimeUnit.MILLISECONDS, executor);
        }
      };

  /** Blocks the calling thread for the duration. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns an executor that runs tasks on {@code executor} after the duration. */
  Executor delayed(Duration duration, Executor executor);
}
