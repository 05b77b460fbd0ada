package dev.wasdk.micrometer;

import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SenderStats;
import io.micrometer.core.instrument.Clock;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One sender's stats, read at most once per time-to-live and shared by its gauges, so that a scrape
 * asks the limiter store once, not once per gauge. Holds the sender weakly. Thread-safe: a scrape
 * that races another may read the stats twice, which is harmless.
 */
final class SenderSnapshot {
  private final WeakReference<MessageSender> sender;
  private final String phoneNumberId;
  private final Clock clock;
  private final long ttlMillis;
  private volatile SenderStats stats;
  private volatile long readAt;

  SenderSnapshot(MessageSender sender, Clock clock, Duration ttl) {
    this.sender = new WeakReference<>(sender);
    this.phoneNumberId = sender.phoneNumberId();
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
  }

  String phoneNumberId() {
    return phoneNumberId;
  }

  private SenderStats stats() {
    long now = clock.monotonicTime() / 1_000_000;
    SenderStats s = stats;
    if (s == null || now - readAt >= ttlMillis) {
      MessageSender m = sender.get();
      if (m == null) {
        return s;
      }
      s = m.stats();
      stats = s;
      readAt = now;
    }
    return s;
  }

  double queued() {
    SenderStats s = stats();
    return s == null ? Double.NaN : s.queued();
  }

  double inFlight() {
    SenderStats s = stats();
    return s == null ? Double.NaN : s.inFlight();
  }

  double tierUsed() {
    SenderStats s = stats();
    return s == null || s.tierUsed().isEmpty() ? Double.NaN : s.tierUsed().getAsLong();
  }

  double tierLimit() {
    SenderStats s = stats();
    if (s == null) {
      return Double.NaN;
    }
    OptionalLong limit = s.tier().uniqueUsersPer24Hours();
    return limit.isPresent() ? limit.getAsLong() : Double.NaN;
  }

  double throughput() {
    SenderStats s = stats();
    return s == null ? Double.NaN : s.currentThroughputPerSecond();
  }
}
