package dev.wasdk.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded in-memory {@link Deduplicator}. A concurrent map answers "seen?" without locking; a
 * deque in recording order, guarded by a lock held for O(1) amortized work, drives expiry and
 * eviction of the oldest keys.
 */
final class InMemoryDeduplicator implements Deduplicator {
  private record Recorded(String key, long at) {}

  private final int maxKeys;
  private final long horizonMillis;
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
  // May hold stale entries for keys that were forgotten or re-recorded; they are dropped when they
  // reach the head. Its size bounds the map's, since every live key has an entry.
  private final ArrayDeque<Recorded> order = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();

  InMemoryDeduplicator(int maxKeys, Duration horizon) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
    }
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be positive, was " + horizon);
    }
    this.maxKeys = maxKeys;
    this.horizonMillis = horizon.toMillis();
  }

  @Override
  public boolean firstSeen(String key, Instant now) {
    Objects.requireNonNull(key, "key");
    long at = now.toEpochMilli();
    while (true) {
      Long previous = seen.putIfAbsent(key, at);
      if (previous == null) {
        break;
      }
      if (at - previous < horizonMillis) {
        return false;
      }
      if (seen.replace(key, previous, at)) {
        break;
      }
    }
    lock.lock();
    try {
      order.addLast(new Recorded(key, at));
      Recorded head;
      while ((head = order.peekFirst()) != null
          && (order.size() > maxKeys || at - head.at() >= horizonMillis)) {
        order.pollFirst();
        seen.remove(head.key(), head.at());
      }
    } finally {
      lock.unlock();
    }
    return true;
  }

  @Override
  public void forget(String key) {
    seen.remove(Objects.requireNonNull(key, "key"));
  }

  /** Returns how many keys are remembered, expired ones not yet dropped included. */
  int size() {
    return seen.size();
  }

  @Override
  public String toString() {
    return "InMemoryDeduplicator[maxKeys=" + maxKeys + ", horizonMillis=" + horizonMillis + "]";
  }
}
