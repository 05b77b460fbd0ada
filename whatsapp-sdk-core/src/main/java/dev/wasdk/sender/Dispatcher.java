package dev.wasdk.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue: one lane per user (one message in flight per user, in submission order), lanes ready
 * by priority then submission, sleeping lanes by wake-up time, deadlines, the queue and in-flight
 * limits, and draining on close. Everything here is in memory and guarded by one lock; whatever
 * must happen after a decision (a send, a completion, a release) goes into an {@link Effects} that
 * the caller runs once the lock is released.
 */
final class Dispatcher {
  /** What the dispatcher asks of the rest of the sender, always through {@link Effects}. */
  interface Hooks {
    void send(Job job);

    void complete(Job job, SendOutcome outcome);

    void release(Job job, boolean mayHaveReachedMeta);

    void wake(Instant target);
  }

  private static final Comparator<Lane> BY_PRIORITY =
      Comparator.<Lane>comparingInt(l -> l.headPriority).thenComparingLong(l -> l.headSeq);

  private final SenderConfig config;
  private final OutcomePolicy policy;
  private final SenderCounters counters;
  private final Hooks hooks;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomFreed = lock.newCondition();
  private final Condition drained = lock.newCondition();
  private final Map<String, Lane> lanes = new HashMap<>();
  private final PriorityQueue<Lane> ready = new PriorityQueue<>(BY_PRIORITY);
  private final Timers timers;
  private final int maxInFlight;
  private long seq;
  private long queued;
  private int inFlight;
  private boolean answered;
  private boolean closed;
  private boolean drainOver;

  Dispatcher(
      SenderConfig config,
      OutcomePolicy policy,
      SenderCounters counters,
      Hooks hooks,
      ScheduledExecutorService scheduler) {
    this.config = config;
    this.policy = policy;
    this.counters = counters;
    this.hooks = hooks;
    this.timers = new Timers(scheduler, hooks::wake);
    this.maxInFlight =
        config.maxInFlight() > 0
            ? config.maxInFlight()
            : SenderConfig.defaultMaxInFlight(config.throughput());
  }

  /** Queues a job, waiting for room as the queue-full policy says; or ends it at once. */
  void offer(Job job, Effects fx) {
    lock.lock();
    try {
      if (closed) {
        finishUnqueued(job, policy.cancelled(job, "the sender is closed"), fx);
      } else if (!waitForRoom()) {
        finishUnqueued(
            job,
            new SendOutcome.Rejected(
                job.message,
                RejectReason.QUEUE_FULL,
                "the queue holds "
                    + config.maxQueued()
                    + " messages; submit more slowly or raise maxQueued",
                java.util.Optional.empty()),
            fx);
      } else {
        job.seq = seq++;
        Lane lane = lanes.computeIfAbsent(job.user, Lane::new);
        lane.queue.addLast(job);
        job.counted = true;
        queued++;
        timers.addDeadline(job);
        if (!lane.busy && !lane.asleep && !lane.inReady) {
          makeReady(lane);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean waitForRoom() {
    if (queued < config.maxQueued()) {
      return true;
    }
    long nanos = config.queueFullPolicy().timeout().toNanos();
    try {
      while (queued >= config.maxQueued() && nanos > 0 && !closed) {
        nanos = roomFreed.awaitNanos(nanos);
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
    return queued < config.maxQueued() && !closed;
  }

  /**
   * Ends the jobs whose deadline passed, wakes the lanes due, and returns the next job to admit
   * (marked as being admitted, its lane out of the ready queue), or null when none may go now; then
   * the next wake-up is scheduled.
   */
  Job next(Instant now, Instant globalWait, Effects fx) {
    lock.lock();
    try {
      expireDeadlines(now, fx);
      wakeDue(now);
      while (inFlight < sendLimit() && !ready.isEmpty()) {
        Lane lane = ready.poll();
        lane.inReady = false;
        Job head = lane.head();
        if (head == null) {
          retire(lane);
          continue;
        }
        if (head.seq != lane.headSeq || head.priority.ordinal() != lane.headPriority) {
          makeReady(lane); // the head was withdrawn since the lane was queued: sort it again
          continue;
        }
        head.admitting = true;
        lane.busy = true;
        return head;
      }
      scheduleWake(now, globalWait);
      return null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies the gates' verdict on a job being admitted. Returns false when every user must wait
   * (the lane goes back to the ready queue), true when the next job may be admitted.
   */
  boolean settle(Job job, Verdict v, Instant now, Instant globalWait, Effects fx) {
    lock.lock();
    try {
      job.admitting = false;
      Lane lane = lanes.get(job.user);
      lane.busy = false;
      if (v.waitingFor() != null) {
        job.waitingFor = v.waitingFor();
      }
      if (job.done) {
        // Ended while it was being admitted (cancelled, expired, closed): give back what it took.
        releaseOnce(job, false, fx);
        place(lane);
        return true;
      }
      switch (v.kind()) {
        case SEND -> dispatch(job, lane, fx);
        case SLEEP -> sleep(lane, v.until());
        case FINISH -> {
          lane.queue.remove(job);
          finish(job, v.outcome(), false, fx);
          place(lane);
        }
        case WAIT -> {
          makeReady(lane);
          scheduleWake(now, globalWait);
          return false;
        }
        default -> throw new AssertionError(v);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void dispatch(Job job, Lane lane, Effects fx) {
    job.inFlight = true;
    job.attempts++;
    lane.busy = true;
    inFlight++;
    job.counted = false;
    queued--;
    signalRoom();
    timers.removeDeadline(job);
    fx.add(() -> hooks.send(job));
  }

  /**
   * Notes, with the lock held, that a job's request was answered. Its lane stays busy until the
   * answer is applied in the same lock hold, so that nothing can admit the job again meanwhile.
   */
  private Lane landed(Job job) {
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

  /** Ends an answered job with its outcome: sent, or ended with what it used given back. */
  void end(Job job, SendOutcome outcome, boolean mayHaveReachedMeta, Effects fx) {
    lock.lock();
    try {
      Lane lane = landed(job);
      if (lane != null) {
        lane.queue.remove(job);
      }
      boolean sent = outcome instanceof SendOutcome.Sent;
      finish(job, outcome, sent || mayHaveReachedMeta, fx);
      if (lane != null) {
        place(lane);
      }
      signalIfDrained();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues an answered job again, at the head of its lane, unless it was cancelled, ran out of
   * attempts or time, or the sender closed; {@code pairUntil} puts its lane to sleep.
   */
  void requeue(
      Job job, Throwable cause, boolean limitRefusal, Instant pairUntil, Instant now, Effects fx) {
    lock.lock();
    try {
      if (limitRefusal) {
        job.limitRefusals++;
      }
      Lane lane = landed(job);
      SendOutcome end = null;
      if (job.future.isCancelled()) {
        end = policy.cancelled(job, "cancelled by the caller");
      } else if (job.attempts - job.limitRefusals >= config.maxAttempts()) {
        end = policy.attemptsExhausted(job, cause);
      } else if (job.deadline != null && !job.deadline.isAfter(now)) {
        end = policy.deferred(job, "a retry after a failure that proves it was not accepted");
      } else if (drainOver) {
        end = policy.cancelled(job, "the sender closed before it was sent");
      }
      if (end != null) {
        lane.queue.remove(job);
        finish(job, end, false, fx);
      } else {
        job.counted = true;
        queued++;
        timers.addDeadline(job);
        if (pairUntil != null) {
          job.waitingFor = "the pair-rate backoff after 131056";
        }
      }
      if (pairUntil != null && !lane.busy && lane.head() != null) {
        sleep(lane, pairUntil);
      } else {
        place(lane);
      }
      signalIfDrained();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends a job after the sender itself failed while handling it, whatever state it was left in, so
   * that it still ends in exactly one outcome and its lane moves on.
   */
  void fail(Job job, SendOutcome outcome, boolean mayHaveReachedMeta, Effects fx) {
    lock.lock();
    try {
      job.admitting = false;
      Lane lane = landed(job);
      if (lane != null) {
        lane.queue.remove(job);
      }
      if (!job.done) {
        finish(job, outcome, false, fx);
      } else {
        releaseOnce(job, mayHaveReachedMeta, fx);
      }
      if (lane != null) {
        place(lane);
      }
      signalIfDrained();
    } finally {
      lock.unlock();
    }
  }

  /** Puts a user's lane to sleep until {@code until}, as after a 131056 in a status webhook. */
  void sleepUser(String user, Instant until) {
    lock.lock();
    try {
      Lane lane = lanes.get(user);
      if (lane != null && !lane.busy && lane.head() != null) {
        sleep(lane, until);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every sleeping lane, as when a higher tier may let deferred users through. */
  void wakeAll() {
    lock.lock();
    try {
      Lane lane;
      while ((lane = timers.pollAwake(null)) != null) {
        if (!lane.busy) {
          makeReady(lane);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Withdraws a job whose future the caller cancelled, if it has not been handed on yet. */
  void cancel(Job job, Effects fx) {
    lock.lock();
    try {
      if (job.done || job.inFlight) {
        return;
      }
      finish(job, policy.cancelled(job, "cancelled by the caller"), false, fx);
      Lane lane = lanes.get(job.user);
      if (lane != null && !lane.busy) {
        place(lane);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Cancels every waiting job to a user; returns how many. */
  int cancelUser(String user, String detail, Effects fx) {
    lock.lock();
    try {
      Lane lane = lanes.get(user);
      if (lane == null) {
        return 0;
      }
      int n = 0;
      for (Job j : new ArrayList<>(lane.queue)) {
        if (!j.done && !j.inFlight) {
          finish(j, policy.cancelled(j, detail), false, fx);
          n++;
        }
      }
      if (!lane.busy) {
        place(lane);
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes: new jobs end cancelled, the queue drains for up to {@code drainTimeout} (less when the
   * thread is interrupted), then every job still waiting ends cancelled. Returns those, in
   * submission order, or null when it was already closed.
   */
  List<Job> close(Duration drainTimeout, Effects fx) {
    boolean interrupted = false;
    List<Job> unsent = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return null;
      }
      closed = true;
      roomFreed.signalAll();
      long nanos = drainTimeout.toNanos();
      while ((queued > 0 || inFlight > 0) && nanos > 0 && !interrupted) {
        try {
          nanos = drained.awaitNanos(nanos);
        } catch (InterruptedException ie) {
          interrupted = true;
        }
      }
      drainOver = true;
      for (Lane lane : lanes.values()) {
        for (Job j : lane.queue) {
          if (!j.done && !j.inFlight) {
            unsent.add(j);
          }
        }
      }
      unsent.sort(Comparator.comparingLong(j -> j.seq));
      for (Job j : unsent) {
        finish(j, policy.cancelled(j, "the sender closed before it was sent"), false, fx);
      }
      timers.cancel();
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return unsent;
  }

  /** Clears a fired wake-up; returns false when it was superseded by an earlier one. */
  boolean woke(Instant target) {
    lock.lock();
    try {
      return timers.fired(target);
    } finally {
      lock.unlock();
    }
  }

  long queued() {
    lock.lock();
    try {
      return queued;
    } finally {
      lock.unlock();
    }
  }

  int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  /** Returns how many messages to the user wait, for an export. */
  int waiting(String user) {
    lock.lock();
    try {
      Lane lane = lanes.get(user);
      return lane == null ? 0 : (int) lane.queue.stream().filter(j -> !j.done).count();
    } finally {
      lock.unlock();
    }
  }

  /** Returns how many jobs the deadline index holds (only jobs still waiting). */
  int deadlineEntries() {
    lock.lock();
    try {
      return timers.deadlineCount();
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
  private int sendLimit() {
    return answered ? maxInFlight : 1;
  }

  /**
   * Ends a job: counts it, drops it from the deadlines, and leaves its completion and (unless
   * {@code keep}) the release of what it reserved to the effects. A job being admitted is released
   * by {@link #settle}.
   */
  private void finish(Job job, SendOutcome outcome, boolean keep, Effects fx) {
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

  private void releaseOnce(Job job, boolean mayHaveReachedMeta, Effects fx) {
    if (!job.released) {
      job.released = true;
      fx.add(() -> hooks.release(job, mayHaveReachedMeta));
    }
  }

  private void finishUnqueued(Job job, SendOutcome outcome, Effects fx) {
    job.done = true;
    job.released = true;
    counters.count(outcome);
    fx.add(() -> hooks.complete(job, outcome));
  }

  private void expireDeadlines(Instant now, Effects fx) {
    Job j;
    while ((j = timers.pollExpired(now)) != null) {
      if (!j.done && !j.inFlight) {
        finish(j, policy.deferred(j, j.waitingFor), false, fx);
        Lane lane = lanes.get(j.user);
        if (lane != null && !lane.busy) {
          place(lane);
        }
      }
    }
  }

  private void wakeDue(Instant now) {
    Lane lane;
    while ((lane = timers.pollAwake(now)) != null) {
      if (!lane.busy) {
        makeReady(lane);
      }
    }
  }

  private void sleep(Lane lane, Instant until) {
    if (lane.inReady) {
      ready.remove(lane);
      lane.inReady = false;
    }
    timers.sleep(lane, until);
  }

  /** Puts a lane in the ready queue, sorted by its current head; retires it when empty. */
  private void makeReady(Lane lane) {
    Job head = lane.head();
    if (head == null) {
      lane.inReady = false;
      retire(lane);
      return;
    }
    if (lane.inReady) {
      ready.remove(lane);
    }
    lane.headPriority = head.priority.ordinal();
    lane.headSeq = head.seq;
    lane.inReady = true;
    ready.add(lane);
  }

  /** Puts a lane that is not busy where it belongs. */
  private void place(Lane lane) {
    if (lane.busy) {
      return;
    }
    if (lane.head() == null) {
      timers.unsleep(lane);
      if (lane.inReady) {
        ready.remove(lane);
        lane.inReady = false;
      }
      retire(lane);
    } else if (!lane.asleep && !lane.inReady) {
      makeReady(lane);
    }
  }

  private void retire(Lane lane) {
    if (!lane.busy && !lane.asleep && !lane.inReady && lane.head() == null) {
      lanes.remove(lane.user, lane);
    }
  }

  private void scheduleWake(Instant now, Instant globalWait) {
    boolean paced = !ready.isEmpty() && inFlight < sendLimit() && globalWait.isAfter(now);
    timers.schedule(now, paced ? globalWait : null);
  }

  private void signalIfDrained() {
    if (queued == 0 && inFlight == 0) {
      drained.signalAll();
    }
  }

  private void signalRoom() {
    if (queued < config.maxQueued()) {
      roomFreed.signal();
    }
  }
}
