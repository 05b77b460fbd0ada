package dev.wasdk.sender;

import java.time.Instant;
import java.util.Optional;

/**
 * The storage behind the 24-hour customer service window: the time of each user's latest inbound
 * message. The rule (a free-form message may go within 24 hours of it) lives in the sender.
 *
 * <p>Keys are opaque pseudonyms that the sender derives with a keyed hash, never phone numbers.
 *
 * <p>Implementations must be thread-safe and each call atomic. {@link #recordInbound} keeps the
 * latest time: an earlier time never replaces a later one, so a late webhook retry cannot close a
 * window. A store may drop an entry once it is older than {@link ServiceWindowTracker#WINDOW}. A
 * store that cannot reach its backend throws an unchecked exception; the sender then treats the
 * window as closed. Every implementation passes the same contract suite ({@code
 * ServiceWindowStoreContract} in the core test-jar).
 */
public interface ServiceWindowStore {

  /**
   * Returns a new store that keeps its state in this JVM's memory: the default, right for one app
   * instance whose state may be lost on restart.
   *
   * @return a new, empty store
   */
  static ServiceWindowStore inMemory() {
    return new InMemoryServiceWindowStore();
  }

  /**
   * Records an inbound message from {@code key} at {@code at}, unless a later one is recorded.
   *
   * @param key the user's pseudonym
   * @param at when the user wrote
   */
  void recordInbound(String key, Instant at);

  /**
   * Returns the time of the latest inbound message from {@code key}, if one is recorded.
   *
   * @param key the user's pseudonym
   * @return the latest inbound time
   */
  Optional<Instant> lastInbound(String key);

  /**
   * Closes the window of {@code key}, after Meta answered 131047, unless the user wrote again after
   * {@code seen}: the recorded time is removed only when it is not later than {@code seen}.
   *
   * @param key the user's pseudonym
   * @param seen the latest inbound time the caller knew of when it learned the window was closed
   */
  void markClosed(String key, Instant seen);

  /**
   * Removes what is recorded for {@code key}.
   *
   * @param key the user's pseudonym
   * @return whether there was anything to remove
   */
  boolean erase(String key);
}
