package dev.wasdk.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded in-memory {@link Deduplicator}. One map in the order keys were last claimed or
 * completed holds each key's single record, so its size is exactly the number of keys held: there
 * are no separate order records that could go stale. One lock guards it for constant work per step
 * (a lookup, a put, and dropping expired or surplus records from the head).
 */
final class InMemoryDeduplicator implements Deduplicator {
  /** A key's state: a claim by {@code holder} until {@code expiresAt}, or done until then. */
  private record Entry(boolean done, String holder, long expiresAt) {}

  private final int maxKeys;
  private final long horizonMillis;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
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
  public Claim claim(String key, String holder, Instant now, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long t = now.toEpochMilli();
    long leaseMillis = positiveMillis(lease);
    lock.lock();
    try {
      Entry e = entries.get(key);
      if (e != null && e.expiresAt() > t) {
        return e.done() ? Claim.DONE : Claim.IN_PROGRESS;
      }
      put(key, new Entry(false, holder, t + leaseMillis), t);
      return Claim.CLAIMED;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean renew(String key, String holder, Instant now, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long t = now.toEpochMilli();
    long leaseMillis = positiveMillis(lease);
    lock.lock();
    try {
      Entry e = entries.get(key);
      if (e == null || e.done() || !e.holder().equals(holder)) {
        return false;
      }
      // Replacing the value keeps the key's place in the order.
      entries.put(key, new Entry(false, holder, Math.max(e.expiresAt(), t + leaseMillis)));
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void complete(String key, String holder, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long t = now.toEpochMilli();
    lock.lock();
    try {
      put(key, new Entry(true, holder, t + horizonMillis), t);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void release(String key, String holder) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    lock.lock();
    try {
      Entry e = entries.get(key);
      if (e != null && !e.done() && e.holder().equals(holder)) {
        entries.remove(key);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Puts a record at the end of the order, then drops expired and surplus records from the head.
   */
  private void put(String key, Entry entry, long t) {
    entries.remove(key);
    entries.put(key, entry);
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    // Amortized constant: each record is dropped once. The order is by last put, and expiry is
    // roughly in that order, so stopping at the first live record leaves few expired ones behind;
    // those are overwritten by the next claim of their key or dropped once they reach the head.
    while (it.hasNext()) {
      Map.Entry<String, Entry> head = it.next();
      if (entries.size() > maxKeys || head.getValue().expiresAt() <= t) {
        it.remove();
      } else {
        break;
      }
    }
  }

  private static long positiveMillis(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    return lease.toMillis();
  }

  /** Returns how many keys are held, expired ones not yet dropped included. */
  int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemoryDeduplicator[maxKeys=" + maxKeys + ", horizonMillis=" + horizonMillis + "]";
  }
}
