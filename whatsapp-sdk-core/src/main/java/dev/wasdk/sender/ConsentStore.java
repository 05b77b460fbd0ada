package dev.wasdk.sender;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * Returns the history of {@code key} and its latest inbound time in {@code windows}, read
   * together: what the sender needs to decide on a marketing template to a user it knows nothing
   * about yet. This default makes two calls, {@link #history} and {@link
   * ServiceWindowStore#lastInbound}. A backend whose window store lives in the same database
   * overrides it to read both in one round trip (one script on Redis, one query on JDBC), and falls
   * back to this default for any other window store.
   *
   * @param key the user's pseudonym
   * @param windows the store of the service windows
   * @return the history, oldest first, and the latest inbound time
   */
  default UserState read(String key, ServiceWindowStore windows) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(windows, "windows");
    return new UserState(history(key), windows.lastInbound(key));
  }

  /**
   * A user's consent history and latest inbound time, as {@link #read} returns them.
   *
   * @param history the consent history, oldest first
   * @param lastInbound the time of the latest inbound message, if one is recorded
   */
  record UserState(List<ConsentRecord> history, Optional<Instant> lastInbound) {
    /** Checks the arguments and copies the history. */
    public UserState {
      history = List.copyOf(history);
      Objects.requireNonNull(lastInbound, "lastInbound");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return dev.wasdk.internal.text.Values.toString(this);
    }
  }
}
