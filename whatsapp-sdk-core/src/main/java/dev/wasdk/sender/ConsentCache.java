package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link ConsentRegistry} keeps in this JVM, by store key: the opt-outs it saw, trusted for
 * a bounded time so that a user known to have opted out costs no round trip, and the marketing
 * holds after a 131049, which live only here. An opt-in is never cached. Thread-safe.
 */
final class ConsentCache {
  private final Duration ttl;
  private final Clock clock;
  // Opt-outs seen, by store key: the clock time they were seen.
  private final ConcurrentHashMap<String, Instant> optedOut = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> cappedUntil = new ConcurrentHashMap<>();

  ConsentCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Returns when an opt-out of {@code key} was last seen here, or null. */
  Instant optOutSeen(String key) {
    return optedOut.get(key);
  }

  /** Returns whether an opt-out seen at {@code seen} is still trusted. */
  boolean fresh(Instant seen) {
    return seen != null && clock.instant().isBefore(seen.plus(ttl));
  }

  /**
   * Returns whether an opt-out of {@code key} is cached, so that no read of the store is needed.
   */
  boolean optOutCached(String key) {
    return fresh(optedOut.get(key));
  }

  /** Notes that the store's history of {@code key} holds an opt-out in force. */
  void optedOut(String key) {
    optedOut.put(key, clock.instant());
  }

  /** Forgets the opt-out seen at {@code seen}, unless a newer one was noted meanwhile. */
  void clearOptOut(String key, Instant seen) {
    if (seen != null) {
      optedOut.remove(key, seen);
    }
  }

  /** Notes a record at once: an opt-out is cached, a marketing opt-in clears it. */
  void note(String key, ConsentRecord record) {
    if (record.kind() == ConsentRecord.Kind.OPT_OUT) {
      optedOut(key);
    } else if (record.category() == TemplateCategory.MARKETING) {
      optedOut.remove(key);
    }
  }

  /** Holds back marketing to {@code key} until {@code until}, or later if already held longer. */
  void cap(String key, Instant until) {
    cappedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Returns until when marketing to {@code key} is held back, if it is. */
  Optional<Instant> cappedUntil(String key) {
    return Optional.ofNullable(cappedUntil.get(key));
  }

  /** Returns whether marketing to {@code key} is held back at {@code now}. */
  boolean capped(String key, Instant now) {
    Instant until = cappedUntil.get(key);
    return until != null && now.isBefore(until);
  }

  /** Forgets {@code key}; returns whether anything was held. */
  boolean erase(String key) {
    return optedOut.remove(key) != null | cappedUntil.remove(key) != null;
  }

  /** Moves what is held under {@code from} to {@code to}, as when a user's wa_id is learned. */
  void move(String from, String to) {
    Instant seen = optedOut.remove(from);
    if (seen != null) {
      optedOut.merge(to, seen, (a, b) -> a.isAfter(b) ? a : b);
    }
    Instant until = cappedUntil.remove(from);
    if (until != null) {
      cap(to, until);
    }
  }
}
