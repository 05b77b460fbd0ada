package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import java.util.EnumMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts outcomes and limit events for {@link SenderStats}. Thread-safe, lock-free. */
final class SenderCounters {
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();
  private final AtomicLong deferred = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong pairBackoffs = new AtomicLong();
  private final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);

  void count(SendOutcome outcome) {
    switch (outcome.status()) {
      case SENT -> sent.incrementAndGet();
      case UNKNOWN -> unknown.incrementAndGet();
      case DEFERRED -> deferred.incrementAndGet();
      case CANCELLED -> cancelled.incrementAndGet();
      case REJECTED ->
          rejected.incrementAndGet(((SendOutcome.Rejected) outcome).reason().ordinal());
      default -> throw new AssertionError(outcome);
    }
  }

  void throttled() {
    throttled.incrementAndGet();
  }

  void pairBackoff() {
    pairBackoffs.incrementAndGet();
  }

  SenderStats snapshot(
      long queued,
      int inFlight,
      int throughput,
      double currentRate,
      MessagingTier tier,
      java.util.OptionalLong tierUsed) {
    EnumMap<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      long n = rejected.get(reason.ordinal());
      if (n > 0) {
        r.put(reason, n);
      }
    }
    return new SenderStats(
        queued,
        inFlight,
        sent.get(),
        unknown.get(),
        deferred.get(),
        cancelled.get(),
        r,
        throttled.get(),
        pairBackoffs.get(),
        throughput,
        currentRate,
        tier,
        tierUsed);
  }
}
