package dev.wasdk.conversations.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs tasks one at a time per key, in submission order, on an executor; tasks of different keys
 * run in parallel. A key's lane exists only while it has work, so idle keys cost nothing.
 *
 * <p>The map's per-key atomic {@code compute} guards each queue, and only queue operations run
 * inside it: tasks, and the completion of their futures, run outside.
 */
public final class Lanes {
  private static final class Lane {
    final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
  }

  private record Task<T>(Supplier<T> body, CompletableFuture<T> done) {
    void run() {
      T result;
      try {
        result = body.get();
      } catch (Throwable failure) {
        done.completeExceptionally(failure);
        return;
      }
      done.complete(result);
    }
  }

  private final Executor executor;
  private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

  /** Runs lanes on {@code executor}. */
  public Lanes(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Queues {@code task} on the lane of {@code key}.
   *
   * @return a future that completes with the task's result after it ran, or with its failure
   */
  public <T> CompletableFuture<T> submit(String key, Supplier<T> task) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(task, "task");
    CompletableFuture<T> done = new CompletableFuture<>();
    Task<T> wrapped = new Task<>(task, done);
    boolean[] start = {false};
    lanes.compute(
        key,
        (k, lane) -> {
          Lane l = lane;
          if (l == null) {
            l = new Lane();
            start[0] = true;
          }
          l.queue.add(wrapped);
          return l;
        });
    if (start[0]) {
      try {
        executor.execute(() -> drain(key));
      } catch (RejectedExecutionException rejected) {
        failAll(key, rejected);
      }
    }
    return done;
  }

  private void drain(String key) {
    while (true) {
      Task<?> next = poll(key);
      if (next == null) {
        return;
      }
      next.run();
    }
  }

  private Task<?> poll(String key) {
    Task<?>[] next = {null};
    lanes.computeIfPresent(
        key,
        (k, lane) -> {
          next[0] = lane.queue.poll();
          return next[0] == null ? null : lane;
        });
    return next[0];
  }

  private void failAll(String key, RejectedExecutionException rejected) {
    Task<?> next;
    while ((next = poll(key)) != null) {
      next.done().completeExceptionally(rejected);
    }
  }

  /** Returns the number of keys with queued or running work. */
  public int activeKeys() {
    return lanes.size();
  }
}
