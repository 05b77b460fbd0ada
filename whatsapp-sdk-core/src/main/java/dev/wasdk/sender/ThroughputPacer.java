package dev.wasdk.sender;

import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces the phone number's sends: a token bucket at the current rate less the headroom, taken on
 * the ideal timeline, a window guard against the network's jitter, and an adaptive rate that
 * shrinks on 130429 and recovers linearly. Its state is guarded by its monitor, which is never held
 * across the store call; {@link #take} runs on one thread at a time.
 */
final class ThroughputPacer {
  /**
   * The throughput bucket counts thousandths of a message, so that a paced rate such as 78.4 per
   * second and a catch-up allowance of a fraction of a message are exact.
   */
  static final long UNITS = 1_000;

  /**
   * How far behind its ideal timeline a late sender may catch up (when the headroom is not 0), on a
   * store of its own.
   */
  static final Duration CATCH_UP = Duration.ofMillis(100);

  /** The factor of the first reduction after 130429. */
  static final double GENTLE_SHRINK = 0.9;

  /** The factor of a reduction while an earlier one is still recovering. */
  static final double HARD_SHRINK = 0.5;

  static final String WAITING = "the throughput limit";

  private final String key;
  private final LimiterStore store;
  private final StoreCalls calls;
  private final int burst;
  private final double headroom;
  private final Duration catchUp;
  private final Duration recovery;

  private int throughput;
  private double shrunkRate;
  private Instant shrunkAt;
  private Instant waitUntil = Instant.MIN;
  private Instant paceCursor;
  private Instant appliedAt = Instant.MIN;
  // The clock times (epoch nanoseconds) of the latest sends, a ring: departures[(depStart + i) %
  // departures.length] for i < depCount, oldest first.
  private long[] departures;
  private int depStart;
  private int depCount;

  ThroughputPacer(SenderConfig c, StoreCalls calls) {
    this.key = "tp:" + c.phoneNumberId();
    this.store = c.store();
    this.calls = calls;
    this.burst = c.throughputBurst();
    this.headroom = c.throughputHeadroom();
    this.catchUp = catchUp(headroom, c.storeShared());
    this.recovery = c.throughputRecovery();
    this.throughput = c.throughput();
    this.departures = new long[c.throughput()];
  }

  /**
   * Takes a throughput token on the ideal timeline: when the sender wakes late, it takes the token
   * at the time the token became due (the pace cursor), not at the late wake-up, so the next token
   * is due one interval after that and the lateness is made up instead of lost (by up to {@link
   * #CATCH_UP}, and only with a headroom). Whatever the catch-up, the window guard holds: no span
   * of {@code 1 + headroom / 2} seconds holds more of this sender's sends than the current rate.
   *
   * @return {@link Verdict#SEND} or a {@link Verdict.Kind#WAIT} for every user
   * @throws LimiterUnavailableException when the store failed or ran over its budget
   */
  Verdict take(Instant now) {
    BucketSpec spec;
    Instant at;
    synchronized (this) {
      if (now.isBefore(waitUntil)) {
        return Verdict.waitAll(waitUntil, null);
      }
      Instant guard = windowGuard(now);
      if (guard != null) {
        waitUntil = guard;
        return Verdict.waitAll(guard, WAITING);
      }
      spec = spec(now);
      Instant oldest = now.minus(catchUp);
      at =
          paceCursor != null && !paceCursor.isAfter(now) && !paceCursor.isBefore(oldest)
              ? paceCursor
              : now;
    }
    while (true) {
      Instant when = at;
      TakeResult tp =
          calls.call(
              "throughput",
              () -> store.tryTake(key, spec, UNITS, when),
              late -> {
                if (late.taken()) {
                  store.refund(key, spec, UNITS, when);
                }
              });
      synchronized (this) {
        if (tp.taken()) {
          paceCursor = at;
          recordDeparture(now);
          return Verdict.SEND;
        }
        Instant due = at.plus(tp.retryAfter());
        paceCursor = due;
        if (due.isAfter(now)) {
          waitUntil = due;
          return Verdict.waitAll(due, WAITING);
        }
        at = due; // due while the sender was late: take it on the ideal timeline
      }
    }
  }

  /**
   * Returns how far a late sender may catch up. On a store of its own, {@link #CATCH_UP}: the
   * window guard, which counts this sender's sends, keeps any burst of catching up within the
   * limit. On a store that other senders may share, the guard sees only this sender's part, so the
   * catch-up is bounded instead: with at most half the headroom's time, a span of {@code 1 +
   * headroom / 2} seconds of departures maps to at most {@code 1 + headroom} seconds of the shared
   * bucket, which refills at {@code (1 - headroom)} of the rate: {@code burst + rate * (1 -
   * headroom²)} sends, never more than the rate with the default burst of 1, however many senders
   * share the bucket.
   */
  static Duration catchUp(double headroom, boolean shared) {
    if (headroom <= 0) {
      return Duration.ZERO;
    }
    if (!shared) {
      return CATCH_UP;
    }
    Duration half = Duration.ofNanos((long) Math.floor(headroom / 2 * 1e9));
    return half.compareTo(CATCH_UP) < 0 ? half : CATCH_UP;
  }

  /** Returns when the next send may go (in the past when it may go now). */
  synchronized Instant waitUntil() {
    return waitUntil;
  }

  /** Makes every send wait until {@code until}, as after a maintenance answer. */
  synchronized void pauseUntil(Instant until) {
    if (until.isAfter(waitUntil)) {
      waitUntil = until;
    }
  }

  /**
   * Lowers the rate after a 130429, at most once a second: by 10% after full speed (most likely a
   * stray arrival in a crowded second), by half while an earlier reduction still recovers (the
   * limit really is lower, or inbound traffic is heavy).
   *
   * @return the new rate, or -1 when it was lowered less than a second ago
   */
  synchronized double shrink(Instant now) {
    if (shrunkAt != null && Duration.between(shrunkAt, now).compareTo(Duration.ofSeconds(1)) < 0) {
      return -1;
    }
    double current = currentRate(now); // ends a reduction that has recovered
    double factor = shrunkAt == null ? GENTLE_SHRINK : HARD_SHRINK;
    double rate = Math.max(1.0, current * factor);
    shrunkRate = rate;
    shrunkAt = now;
    return rate;
  }

  /**
   * Sets the configured rate reported at {@code at}, ending any reduction and any wait; returns
   * false, changing nothing, when the report is older than the last one applied.
   */
  synchronized boolean update(int perSecond, Instant at) {
    if (at.isBefore(appliedAt)) {
      return false;
    }
    appliedAt = at;
    throughput = perSecond;
    if (departures.length < perSecond) {
      long[] grown = new long[perSecond];
      for (int i = 0; i < depCount; i++) {
        grown[i] = departures[(depStart + i) % departures.length];
      }
      departures = grown;
      depStart = 0;
    }
    shrunkAt = null;
    waitUntil = Instant.MIN;
    paceCursor = null;
    return true;
  }

  synchronized int throughput() {
    return throughput;
  }

  synchronized double currentRate(Instant now) {
    if (shrunkAt == null) {
      return throughput;
    }
    double elapsed = Duration.between(shrunkAt, now).toNanos();
    double span = recovery.toNanos();
    if (elapsed >= span) {
      shrunkAt = null;
      return throughput;
    }
    return Math.min(throughput, shrunkRate + (throughput - shrunkRate) * (elapsed / span));
  }

  /**
   * Returns the throughput bucket, in thousandths of a message: it refills at the current rate less
   * the headroom and holds the burst.
   */
  synchronized BucketSpec spec(Instant now) {
    double paced = currentRate(now) * (1 - headroom);
    long refill = Math.max(1, Math.round(paced * UNITS));
    long b = Math.min(burst, Math.max(1, (long) Math.ceil(paced)));
    return new BucketSpec(b * UNITS, refill, Duration.ofSeconds(1));
  }

  /**
   * Returns when the window guard lets the next send go, or null when it may go now. The guard
   * counts this sender's own sends: the n-th latest (n = the current whole rate per second) must be
   * at least {@code 1 + headroom / 2} seconds old, so that the network's jitter of up to half the
   * headroom's time cannot crowd more than the limit into any second of arrivals at Meta. The other
   * half leaves the catch-up room to work without meeting the guard.
   */
  private Instant windowGuard(Instant now) {
    int n = Math.min(departures.length, Math.max(1, (int) Math.floor(currentRate(now) + 1e-9)));
    if (depCount < n) {
      return null;
    }
    long nth = departures[(depStart + depCount - n) % departures.length];
    long until = nth + Math.round((1 + headroom / 2) * 1e9);
    return epochNanos(now) >= until ? null : Instant.ofEpochSecond(0, until);
  }

  private void recordDeparture(Instant now) {
    long t = epochNanos(now);
    if (depCount < departures.length) {
      departures[(depStart + depCount) % departures.length] = t;
      depCount++;
    } else {
      departures[depStart] = t;
      depStart = (depStart + 1) % departures.length;
    }
  }

  private static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
