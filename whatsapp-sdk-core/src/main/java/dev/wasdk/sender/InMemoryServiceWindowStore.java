package dev.wasdk.sender;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ServiceWindowStore} in this JVM's memory: the default, lost on restart. Entries older
 * than the window are dropped as new ones arrive, so memory follows the users active in the last 24
 * hours.
 */
final class InMemoryServiceWindowStore implements ServiceWindowStore {
  private final ConcurrentHashMap<String, Instant> lastInbound = new ConcurrentHashMap<>();
  private final int purgeEvery;
  private final AtomicLong writes = new AtomicLong();

  InMemoryServiceWindowStore() {
    this(4096);
  }

  InMemoryServiceWindowStore(int purgeEvery) {
    this.purgeEvery = purgeEvery;
  }

  @Override
  public void recordInbound(String key, Instant at) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(at, "at");
    lastInbound.merge(key, at, (old, now) -> now.isAfter(old) ? now : old);
    if (writes.incrementAndGet() % purgeEvery == 0) {
      Instant cutoff = at.minus(ServiceWindowTracker.WINDOW);
      lastInbound.values().removeIf(t -> t.isBefore(cutoff));
    }
  }

  @Override
  public Optional<Instant> lastInbound(String key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(lastInbound.get(key));
  }

  @Override
  public void markClosed(String key, Instant seen) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(seen, "seen");
    lastInbound.computeIfPresent(key, (k, t) -> t.isAfter(seen) ? t : null);
  }

  @Override
  public boolean erase(String key) {
    Objects.requireNonNull(key, "key");
    return lastInbound.remove(key) != null;
  }

  @Override
  public String toString() {
    return "InMemoryServiceWindowStore[users=" + lastInbound.size() + "]";
  }
}
