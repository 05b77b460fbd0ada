package dev.wasdk.sender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a scheduler that move only when a test says so: {@link #advance} runs every task due
 * in order, setting the clock to each task's time, so a sender runs deterministically to the
 * nanosecond.
 */
final class FakeTime extends Clock implements ScheduledExecutorService {
  private Instant now;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.at.equals(b.at) ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
  private long seq;

  FakeTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** Moves the clock forward by {@code d}, running every task due on the way. */
  void advance(Duration d) {
    Instant target;
    synchronized (this) {
      target = now.plus(d);
    }
    advanceTo(target);
  }

  void advanceTo(Instant target) {
    while (true) {
      Task t;
      synchronized (this) {
        t = tasks.peek();
        if (t == null || t.at.isAfter(target)) {
          if (target.isAfter(now)) {
            now = target;
          }
          return;
        }
        tasks.poll();
        if (t.at.isAfter(now)) {
          now = t.at;
        }
      }
      if (!t.cancelled) {
        t.done = true;
        t.task.run();
      }
    }
  }

  /** Runs the next pending task, moving the clock to it; returns false when there is none. */
  boolean runNext() {
    Instant at;
    synchronized (this) {
      Task t = tasks.peek();
      while (t != null && t.cancelled) {
        tasks.poll();
        t = tasks.peek();
      }
      if (t == null) {
        return false;
      }
      at = t.at;
    }
    advanceTo(at);
    return true;
  }

  synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task t = new Task(now.plusNanos(unit.toNanos(Math.max(0, delay))), seq++, command);
    tasks.add(t);
    return t;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<?> submit(Runnable task) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  private final class Task implements ScheduledFuture<Object> {
    final Instant at;
    final long order;
    final Runnable task;
    volatile boolean cancelled;
    volatile boolean done;

    Task(Instant at, long order, Runnable task) {
      this.at = at;
      this.order = order;
      this.task = task;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(instant(), at).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
