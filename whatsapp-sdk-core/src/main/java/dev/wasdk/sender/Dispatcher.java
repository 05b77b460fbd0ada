package dev.wasdk.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The queue: one lane per user (one message in flight per user, in submission order), lanes ready
 * by priority then submission, sleeping lanes by wake-up time, deadlines, the queue and in-flight
 * limits, and draining on close. Everything here is in memory and guarded by one lock; whatever
 * must happen after a decision (a send, a completion, a release) goes into an {@link Effects} that
 * the caller runs once the lock is released.
 */
final class Dispatcher extends DispatcherState {
  /** What the dispatcher asks of the rest of the sender, always through {@link Effects}. */
  interface Hooks {
    void send(Job job);

    void complete(Job job, SendOutcome outcome);

    void release(Job job, boolean mayHaveReachedMeta);

    void wake(Instant target);
  }

  Dispatcher(
      SenderConfig config,
      OutcomePolicy policy,
      SenderCounters counters,
      Hooks hooks,
      ScheduledExecutorService scheduler) {
    super(config, policy, counters, hooks, scheduler);
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
        Lane lane = lanes.of(job.user);
        lane.queue.addLast(job);
        job.counted = true;
        queued++;
        timers.addDeadline(job);
        if (!lane.busy && !lane.asleep && !lane.inReady) {
          lanes.makeReady(lane);
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
      lanes.wake(now);
      Lane lane;
      if (inFlight < sendLimit() && (lane = lanes.pollReady()) != null) {
        Job head = lane.head();
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
        lanes.place(lane);
        return true;
      }
      switch (v.kind()) {
        case SEND -> dispatch(job, lane, fx);
        case SLEEP -> lanes.sleep(lane, v.until());
        case FINISH -> {
          lane.queue.remove(job);
          finish(job, v.outcome(), false, fx);
          lanes.place(lane);
        }
        case WAIT -> {
          lanes.makeReady(lane);
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
        lanes.place(lane);
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
        lanes.sleep(lane, pairUntil);
      } else {
        lanes.place(lane);
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
        lanes.place(lane);
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
        lanes.sleep(lane, until);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every sleeping lane, as when a higher tier may let deferred users through. */
  void wakeAll() {
    lock.lock();
    try {
      lanes.wake(null);
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
        lanes.place(lane);
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
        lanes.place(lane);
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
      for (Lane lane : lanes.all()) {
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
      lanes.clearEnded();
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
}
