package dev.wasdk.sender;

import java.util.List;

/**
 * The storage behind consent: an append-only history of {@link ConsentRecord}s per user. The rule
 * that decides who may receive marketing lives in the sender; a store only keeps the history.
 *
 * <p>Keys are opaque pseudonyms that the sender derives with a keyed hash, never phone numbers, so
 * a shared store holds no personal numbers. A record holds no phone number either.
 *
 * <p>Implementations must be thread-safe. {@link #append} must be atomic: two appends for one key,
 * from this JVM or another, both end up in the history, in an order every reader sees the same.
 * Consent is a record of truth and must not expire. A store that cannot reach its backend throws an
 * unchecked exception; the sender then refuses marketing with {@link
 * RejectReason#STORE_UNAVAILABLE}. Every implementation passes the same contract suite ({@code
 * ConsentStoreContract} in the core test-jar).
 *
 * <pre>{@code
 * ConsentStore store = ConsentStore.inMemory();           // or a Redis or JDBC store
 * MessageSender sender = MessageSender.builder(wa).consentStore(store).build();
 * }</pre>
 */
public interface ConsentStore {

  /**
   * Returns a new store that keeps its state in this JVM's memory: the default, right for one app
   * instance whose state may be lost on restart.
   *
   * @return a new, empty store
   */
  static ConsentStore inMemory() {
    return new InMemoryConsentStore();
  }

  /**
   * Appends a record to the history of {@code key}.
   *
   * @param key the user's pseudonym
   * @param record the record
   */
  void append(String key, ConsentRecord record);

  /**
   * Returns the history of {@code key}, oldest first; empty for a user never seen.
   *
   * @param key the user's pseudonym
   * @return the history, oldest first
   */
  List<ConsentRecord> history(String key);

  /**
   * Removes the whole history of {@code key}.
   *
   * @param key the user's pseudonym
   * @return whether there was anything to remove
   */
  boolean erase(String key);
}
