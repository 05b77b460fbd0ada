package dev.wasdk.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps conversation states by user, with versions and expiry: the SPI behind {@link
 * Conversations}.
 *
 * <p>A store offers only atomic steps; the conversation logic stays in {@link Conversations}. Each
 * method is meant to be one round trip: on Redis, {@code get} is one {@code GET} and {@code put}
 * one Lua script that compares the version and sets the value with {@code PX} (no {@code WATCH});
 * on JDBC, {@code put} is one {@code INSERT} for version 0, else one {@code UPDATE … WHERE key = ?
 * AND version = ?}, with an {@code expires_at} column that reads ignore.
 *
 * <p><b>Wait deadlines.</b> A store indexes the deadline of each state's {@linkplain
 * ConversationState#waiting() wait}, so that {@link #dueWaits} finds the conversations whose answer
 * is overdue: after a restart, or when another instance asked the question, the timeout still
 * fires. On Redis a sorted set kept by the same put script; on JDBC an indexed column.
 *
 * <p><b>Leases.</b> {@link #lease} and {@link #release} keep the turns of one user one at a time
 * across the app instances sharing the store: an instance holds the user's lease while it reads,
 * runs and saves a turn.
 *
 * <p><b>Expiry.</b> Every {@code put} sets how long the entry lives without another put; an expired
 * entry reads as absent, and a put expecting its version fails, as for a deleted one.
 *
 * <p>A store must return what was put: every field of the state, with instants at least to the
 * millisecond (the deadlines {@link Turn#ask} sets are whole milliseconds).
 *
 * <p><b>Time budget.</b> Each call must return or throw within a bounded time (a command or query
 * timeout), never hang: {@link Conversations} calls the store on the conversation's lane, reports a
 * store that throws to its error hook, and then sends nothing for that turn.
 *
 * <p>Implementations must be thread-safe, and must pass {@code ConversationStoreContract} from this
 * module's test-jar.
 *
 * <pre>{@code
 * ConversationStore store = ConversationStore.inMemory();
 * Optional<StoredConversation> current = store.get("16505551234");
 * long version = current.map(StoredConversation::version).orElse(0L);
 * boolean saved = store.put("16505551234", next, version, Duration.ofMinutes(30));
 * }</pre>
 */
public interface ConversationStore {

  /**
   * Returns the live state stored under {@code key}.
   *
   * @param key the conversation key
   * @return the state and its version, or empty if none or expired
   */
  Optional<StoredConversation> get(String key);

  /**
   * Stores {@code state} under {@code key} if the current version is {@code expectedVersion}, as
   * version {@code expectedVersion + 1}, living for {@code ttl} from now.
   *
   * @param key the conversation key
   * @param state the new state
   * @param expectedVersion the version read before, or 0 to create an entry that must not exist
   * @param ttl how long the entry lives without another put; positive
   * @return true if stored; false if the version did not match, changing nothing
   */
  boolean put(String key, ConversationState state, long expectedVersion, Duration ttl);

  /**
   * Removes the entry under {@code key}, whatever its version; nothing happens if there is none.
   *
   * @param key the conversation key
   */
  void delete(String key);

  /**
   * Returns the keys of live conversations whose wait deadline is at or before {@code now}, the
   * earliest first.
   *
   * @param now the current time
   * @param limit the most keys to return; positive
   * @return the keys, at most {@code limit}
   */
  List<String> dueWaits(Instant now, int limit);

  /**
   * Takes the lease of a conversation for {@code holder}, or renews it when {@code holder} holds it
   * already. A lease held by another holder is refused until it is released or runs out.
   *
   * @param key the conversation key
   * @param holder who takes it, such as one app instance
   * @param ttl how long the lease lasts without renewal; positive
   * @return true if {@code holder} holds the lease now
   */
  boolean lease(String key, String holder, Duration ttl);

  /**
   * Gives up a lease if {@code holder} holds it; nothing happens otherwise.
   *
   * @param key the conversation key
   * @param holder the holder
   */
  void release(String key, String holder);

  /**
   * Returns a store in this JVM's memory on the system clock.
   *
   * @return the store
   */
  static InMemoryConversationStore inMemory() {
    return new InMemoryConversationStore(Clock.systemUTC());
  }

  /**
   * Returns a store in this JVM's memory whose expiry follows {@code clock}.
   *
   * @param clock the clock, a fake one in tests
   * @return the store
   */
  static InMemoryConversationStore inMemory(Clock clock) {
    return new InMemoryConversationStore(clock);
  }
}
