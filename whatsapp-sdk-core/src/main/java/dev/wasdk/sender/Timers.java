package dev.wasdk.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The dispatcher's clocks: lanes asleep until a time, the deadlines of the jobs still waiting, and
 * the one wake-up scheduled for the earliest of them. A job leaves the deadline index as soon as it
 * is sent or ends, so the index never holds more than the queue. Not thread-safe: used only with
 * the {@link Dispatcher}'s lock held.
 */
final class Timers {
  private static final Comparator<Lane> BY_WAKE = Comparator.comparing(l -> l.wakeAt);
  private static final Comparator<Job> BY_DEADLINE =
      Comparator.<Job, Instant>comparing(j -> j.deadline).thenComparingLong(j -> j.seq);

  private final PriorityQueue<Lane> sleeping = new PriorityQueue<>(BY_WAKE);
  private final TreeSet<Job> deadlines = new TreeSet<>(BY_DEADLINE);
  private final ScheduledExecutorService scheduler;
  private final Consumer<Instant> onWake;
  private ScheduledFuture<?> wake;
  private Instant wakeAt;

  Timers(ScheduledExecutorService scheduler, Consumer<Instant> onWake) {
    this.scheduler = scheduler;
    this.onWake = onWake;
  }

  void addDeadline(Job job) {
    if (job.deadline != null) {
      deadlines.add(job);
    }
  }

  void removeDeadline(Job job) {
    if (job.deadline != null) {
      deadlines.remove(job);
    }
  }

  /** Removes and returns a job whose deadline is at or before {@code now}, or null. */
  Job pollExpired(Instant now) {
    return !deadlines.isEmpty() && !deadlines.first().deadline.isAfter(now)
        ? deadlines.pollFirst()
        : null;
  }

  int deadlineCount() {
    return deadlines.size();
  }

  /** Puts a lane to sleep until {@code until}, or moves its wake-up there. */
  void sleep(Lane lane, Instant until) {
    if (lane.asleep) {
      sleeping.remove(lane);
    }
    lane.wakeAt = until;
    lane.asleep = true;
    sleeping.add(lane);
  }

  /** Wakes a lane before its time. */
  void unsleep(Lane lane) {
    if (lane.asleep) {
      sleeping.remove(lane);
      lane.asleep = false;
      lane.wakeAt = null;
    }
  }

  /** Removes and returns a lane due at {@code now} (any lane when {@code now} is null), or null. */
  Lane pollAwake(Instant now) {
    if (sleeping.isEmpty() || (now != null && sleeping.peek().wakeAt.isAfter(now))) {
      return null;
    }
    Lane lane = sleeping.poll();
    lane.asleep = false;
    lane.wakeAt = null;
    return lane;
  }

  /**
   * Schedules one wake-up at the earliest of {@code also} (may be null), the first sleeper and the
   * first deadline. Handing a task to the scheduler only queues it.
   */
  void schedule(Instant now, Instant also) {
    Instant next = also;
    if (!sleeping.isEmpty()) {
      next = earliest(next, sleeping.peek().wakeAt);
    }
    if (!deadlines.isEmpty()) {
      next = earliest(next, deadlines.first().deadline);
    }
    // A wake-up already due at or before the next one will do, unless the clock has passed it
    // without it running (the clock jumped ahead of the scheduler): then schedule afresh.
    if (next == null || (wakeAt != null && wakeAt.isAfter(now) && !next.isBefore(wakeAt))) {
      return;
    }
    cancel();
    wakeAt = next;
    long delay = Math.max(0, Duration.between(now, next).toNanos());
    try {
      Instant target = next;
      wake = scheduler.schedule(() -> onWake.accept(target), delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException ex) {
      wake = null;
      wakeAt = null;
    }
  }

  /** Clears a wake-up that fired; returns false when an earlier one superseded it. */
  boolean fired(Instant target) {
    if (!target.equals(wakeAt)) {
      return false;
    }
    wake = null;
    wakeAt = null;
    return true;
  }

  void cancel() {
    if (wake != null) {
      wake.cancel(false);
    }
    wake = null;
    wakeAt = null;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
