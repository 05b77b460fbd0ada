package dev.wasdk.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps conversation states in this JVM's memory: the default {@link ConversationStore}. States are
 * lost on restart and not shared between instances; use the Redis or JDBC store for that.
 *
 * <p>Expired entries read as absent at once and are dropped when next touched, or by {@link
 * #purgeExpired()}; call it now and then (for example every few minutes) when many users write once
 * and never again.
 *
 * <p>Thread-safe; operations are atomic per key.
 *
 * <pre>{@code
 * InMemoryConversationStore store = ConversationStore.inMemory();
 * scheduler.scheduleAtFixedRate(store::purgeExpired, 5, 5, TimeUnit.MINUTES);
 * }</pre>
 */
public final class InMemoryConversationStore implements ConversationStore {
  private record Entry(ConversationState state, long version, Instant expiresAt) {}

  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  InMemoryConversationStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<StoredConversation> get(String key) {
    Objects.requireNonNull(key, "key");
    Entry e = entries.get(key);
    if (e == null || expired(e, clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(new StoredConversation(e.state(), e.version()));
  }

  @Override
  public boolean put(String key, ConversationState state, long expectedVersion, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(ttl, "ttl");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more: " + expectedVersion);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    Instant now = clock.instant();
    boolean[] stored = {false};
    entries.compute(
        key,
        (k, current) -> {
          long version = current == null || expired(current, now) ? 0 : current.version();
          if (version != expectedVersion) {
            return current;
          }
          stored[0] = true;
          return new Entry(state, version + 1, now.plus(ttl));
        });
    return stored[0];
  }

  @Override
  public void delete(String key) {
    entries.remove(Objects.requireNonNull(key, "key"));
  }

  /**
   * Drops every expired entry.
   *
   * @return how many were dropped
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    int[] dropped = {0};
    entries.forEach(
        (key, e) -> {
          if (expired(e, now) && entries.remove(key, e)) {
            dropped[0]++;
          }
        });
    return dropped[0];
  }

  /** Returns the number of entries held, expired ones not yet dropped included. */
  public int size() {
    return entries.size();
  }

  private static boolean expired(Entry e, Instant now) {
    return !now.isBefore(e.expiresAt());
  }

  @Override
  public String toString() {
    return "InMemoryConversationStore[entries=" + entries.size() + "]";
  }
}
