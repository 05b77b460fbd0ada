package dev.wasdk.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

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
  private record Entry(ConversationState state, long version, Instant expiresAt) {
    Optional<Instant> deadline() {
      return state.waiting().flatMap(ConversationState.Wait::deadline);
    }
  }

  private record Due(Instant deadline, String key) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = deadline.compareTo(o.deadline);
      return c != 0 ? c : key.compareTo(o.key);
    }
  }

  private record Lease(String holder, Instant until) {}

  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  // Deadline index; an entry may outlive its state (replaced, deleted, expired), so dueWaits
  // checks each against the entries and drops stale ones.
  private final ConcurrentSkipListSet<Due> deadlines = new ConcurrentSkipListSet<>();
  private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

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
    if (stored[0]) {
      state
          .waiting()
          .flatMap(ConversationState.Wait::deadline)
          .ifPresent(d -> deadlines.add(new Due(d, key)));
    }
    return stored[0];
  }

  @Override
  public List<String> dueWaits(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    Instant clockNow = clock.instant();
    List<String> due = new ArrayList<>();
    for (Due d : deadlines) {
      if (d.deadline().isAfter(now) || due.size() >= limit) {
        break;
      }
      Entry e = entries.get(d.key());
      if (e == null || expired(e, clockNow) || !e.deadline().equals(Optional.of(d.deadline()))) {
        deadlines.remove(d);
      } else if (!due.contains(d.key())) {
        due.add(d.key());
      }
    }
    return due;
  }

  @Override
  public boolean lease(String key, String holder, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    Instant now = clock.instant();
    Lease mine = new Lease(holder, now.plus(ttl));
    Lease result =
        leases.compute(
            key,
            (k, cur) ->
                cur == null || cur.holder().equals(holder) || !now.isBefore(cur.until())
                    ? mine
                    : cur);
    return result == mine;
  }

  @Override
  public void release(String key, String holder) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    leases.computeIfPresent(key, (k, cur) -> cur.holder().equals(holder) ? null : cur);
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
    deadlines.removeIf(d -> !entries.containsKey(d.key()));
    leases.values().removeIf(l -> !now.isBefore(l.until()));
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
