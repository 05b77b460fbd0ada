package dev.wasdk.sender;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state of the {@link Dispatcher} and the steps it takes with its lock held: the lanes and
 * timers, the queue and in-flight counts, and how a job ends (counted once, released once, its
 * completion left to the {@link Effects}). The reads at the end take the lock themselves. Nothing
 * here calls a store, a listener or a future: those go into the effects.
 */
abstract class DispatcherState {
  final SenderConfig config;
  final OutcomePolicy policy;
  final SenderCounters counters;
  final Dispatcher.Hooks hooks;

  final ReentrantLock lock = new ReentrantLock();
  final Condition roomFreed = lock.newCondition();
  final Condition drained = lock.newCondition();
  final Timers timers;
  final Lanes lanes;
  final int maxInFlight;
  long seq;
  long queued;
  int inFlight;
  boolean answered;
  boolean closed;
  boolean drainOver;

  DispatcherState(
      SenderConfig config,
      OutcomePolicy policy,
      SenderCounters counters,
      Dispatcher.Hooks hooks,
      ScheduledExecutorService scheduler) {
    this.config = config;
    this.policy = policy;
    this.counters = counters;
    this.hooks = hooks;
    this.timers = new Timers(scheduler, hooks::wake);
    this.lanes = new Lanes(timers);
    this.maxInFlight =
        config.maxInFlight() > 0
            ? config.maxInFlight()
            : SenderConfig.defaultMaxInFlight(config.throughput());
  }

  long queued() {
    return locked(() -> queued);
  }

  int inFlight() {
    return locked(() -> inFlight);
  }

  /** Returns how many messages to the user wait, for an export. */
  int waiting(String user) {
    return locked(
        () -> {
          Lane lane = lanes.get(user);
          return lane == null ? 0 : (int) lane.queue.stream().filter(j -> !j.done).count();
        });
  }

  /** Returns how many lanes are held; none once closed and every request in flight answered. */
  int laneCount() {
    return locked(lanes::size);
  }

  /** Returns how many jobs the lanes hold, ended or not. */
  int heldJobs() {
    return locked(lanes::jobCount);
  }

  /** Returns how many jobs the deadline index holds (only jobs still waiting). */
  int deadlineEntries() {
    return locked(timers::deadlineCount);
  }

  private <T> T locked(Supplier<T> read) {
    lock.lock();
    try {
      return read.get();
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // With the lock held.

  /**
   * Returns how many requests may be in flight now: one until the first answer, then the maximum.
   * The first request of a cold process is slow (connection, TLS, class loading) while the ones
   * paced behind it are not, so they would reach Meta bunched within one second.
   */
  int sendLimit() {
    return answered ? maxInFlight : 1;
  }

  /**
   * Ends a job: counts it, drops it from the deadlines, and leaves its completion and (unless
   * {@code keep}) the release of what it reserved to the effects. A job being admitted is released
   * by {@link Dispatcher#settle}.
   */
  void finish(Job job, SendOutcome outcome, boolean keep, Effects fx) {
    if (job.done) {
      return;
    }
    job.done = true;
    if (job.counted) {
      job.counted = false;
      queued--;
      signalRoom();
    }
    timers.removeDeadline(job);
    counters.count(outcome);
    if (!keep && !job.admitting) {
      releaseOnce(job, false, fx);
    } else if (outcome instanceof SendOutcome.Unknown) {
      releaseOnce(job, true, fx);
    }
    fx.add(() -> hooks.complete(job, outcome));
    signalIfDrained();
  }

  void releaseOnce(Job job, boolean mayHaveReachedMeta, Effects fx) {
    if (!job.released) {
      job.released = true;
      fx.add(() -> hooks.release(job, mayHaveReachedMeta));
    }
  }

  void finishUnqueued(Job job, SendOutcome outcome, Effects fx) {
    job.done = true;
    job.released = true;
    counters.count(outcome);
    fx.add(() -> hooks.complete(job, outcome));
  }

  void expireDeadlines(Instant now, Effects fx) {
    Job j;
    while ((j = timers.pollExpired(now)) != null) {
      if (!j.done && !j.inFlight) {
        finish(j, policy.deferred(j, j.waitingFor), false, fx);
        Lane lane = lanes.get(j.user);
        if (lane != null && !lane.busy) {
          lanes.place(lane);
        }
      }
    }
  }

  void scheduleWake(Instant now, Instant globalWait) {
    boolean paced = lanes.anyReady() && inFlight < sendLimit() && globalWait.isAfter(now);
    timers.schedule(now, paced ? globalWait : null);
  }

  void signalIfDrained() {
    if (queued == 0 && inFlight == 0) {
      drained.signalAll();
    }
  }

  void signalRoom() {
    if (queued < config.maxQueued()) {
      roomFreed.signal();
    }
  }

  /**
   * Notes, with the lock held, that a job's request was answered. Its lane stays busy until the
   * answer is applied in the same lock hold, so that nothing can admit the job again meanwhile.
   */
  Lane landed(Job job) {
    if (job.inFlight) {
      job.inFlight = false;
      inFlight--;
      answered = true;
    }
    Lane lane = lanes.get(job.user);
    if (lane != null) {
      lane.busy = false;
    }
    return lane;
  }
}
