package dev.wasdk.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tracks each user's 24-hour customer-service window with one business phone number: free-form
 * messages may be sent only within 24 hours of the user's last inbound message; outside it only
 * templates.
 *
 * <p>Feed it every inbound message (the {@code messages} webhook) with {@link #recordInbound}. A
 * {@link MessageSender} consults it before each send: it refuses a free-form message outside the
 * window before the network, and does not count a message inside the window against the
 * messaging-limit tier. Users are named by WhatsApp id ({@code 16505551234}), E.164 number ({@code
 * +16505551234}) or business-scoped user id; the first two name the same user.
 *
 * <pre>{@code
 * ServiceWindowTracker windows = ServiceWindowTracker.create(ServiceWindowStore.inMemory());
 * windows.recordInbound("16505551234", Instant.ofEpochSecond(inbound.timestamp()));
 * if (!windows.isOpen("+16505551234", clock.instant())) {
 *   // send a template instead
 * }
 * }</pre>
 *
 * <p><b>Shared state.</b> The times live in a {@link ServiceWindowStore}, keyed by a pseudonym of
 * the user: with a shared store, a window opened by an inbound message on one app instance lets
 * every instance reply. This JVM also keeps the inbound times it recorded itself, so a window it
 * saw open costs no store round trip; a window not known here is read from the store.
 *
 * <p><b>Thread-safety.</b> Instances are thread-safe. Calls that reach the store run on the
 * caller's thread and throw what the store throws. <b>Memory:</b> one local entry per user seen
 * here with an open window; expired entries are dropped as new ones arrive.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages">Customer
 *     service windows</a>
 */
public final class ServiceWindowTracker {
  /** The length of the customer-service window. */
  public static final Duration WINDOW = Duration.ofHours(24);

  private final ServiceWindowStore store;
  private volatile RecipientIds ids;
  private final ConcurrentHashMap<String, Instant> local = new ConcurrentHashMap<>();
  private final AtomicInteger purgeAt = new AtomicInteger(1_024);

  private ServiceWindowTracker(ServiceWindowStore store, Pseudonyms pseudonyms) {
    this.store = store;
    this.ids = new RecipientIds(RecipientIdStore.inMemory(), pseudonyms);
  }

  /**
   * Returns a new, empty tracker over a new in-memory store.
   *
   * @return the tracker
   */
  public static ServiceWindowTracker create() {
    return create(ServiceWindowStore.inMemory());
  }

  /**
   * Returns a tracker over {@code store}, such as a Redis or JDBC store shared by app instances.
   *
   * @param store the store
   * @return the tracker
   */
  public static ServiceWindowTracker create(ServiceWindowStore store) {
    return new ServiceWindowTracker(Objects.requireNonNull(store, "store"), Pseudonyms.DEFAULT);
  }

  static ServiceWindowTracker create(ServiceWindowStore store, Pseudonyms pseudonyms) {
    return new ServiceWindowTracker(store, pseudonyms);
  }

  /**
   * Records an inbound message (or call) from a user, which opens or extends the window. An older
   * time than the one recorded changes nothing.
   *
   * @param user the user
   * @param at the inbound message's time
   */
  public void recordInbound(String user, Instant at) {
    String key = recordLocally(user, at);
    store.recordInbound(key, at);
  }

  /**
   * Returns whether the user's window is open at {@code now}: the last inbound message was less
   * than 24 hours before.
   *
   * @param user the user
   * @param now the current time
   * @return whether free-form messages may be sent
   */
  public boolean isOpen(String user, Instant now) {
    Objects.requireNonNull(now, "now");
    return isOpenKey(key(user), now);
  }

  /** Returns whether the window of the user whose store key is {@code key} is open. */
  boolean isOpenKey(String key, Instant now) {
    return isOpenLocally(key, now) || isOpenAt(store.lastInbound(key), now);
  }

  /** Returns whether this JVM saw an inbound message from the user within the window. */
  boolean isOpenLocally(String key, Instant now) {
    Instant seen = local.get(key);
    return seen != null && now.isBefore(seen.plus(WINDOW));
  }

  /** Returns whether a window whose latest inbound time is {@code last} is open at {@code now}. */
  static boolean isOpenAt(Optional<Instant> last, Instant now) {
    return last.isPresent() && now.isBefore(last.get().plus(WINDOW));
  }

  /**
   * Returns when the user's window closes, or empty when no inbound message is known or Meta said
   * it is closed.
   *
   * @param user the user
   * @return when the window closes
   */
  public Optional<Instant> closesAt(String user) {
    return lastInbound(user).map(t -> t.plus(WINDOW));
  }

  /**
   * Returns the time of the user's last recorded inbound message.
   *
   * @param user the user
   * @return the time, if one is recorded
   */
  public Optional<Instant> lastInbound(String user) {
    String key = key(user);
    Optional<Instant> stored = store.lastInbound(key);
    Instant seen = local.get(key);
    if (seen == null) {
      return stored;
    }
    return Optional.of(stored.filter(s -> s.isAfter(seen)).orElse(seen));
  }

  /**
   * Marks the user's window closed, because Meta said so (error 131047): Meta's clock wins over an
   * inbound time recorded here. A later inbound message opens it again.
   *
   * @param user the user
   */
  public void markClosed(String user) {
    closeKnown(key(user));
  }

  /** Closes a window by its store key: what this JVM saw, and what the store holds up to then. */
  void closeKnown(String key) {
    Instant seen = local.remove(key);
    Instant upTo = seen != null ? seen : store.lastInbound(key).orElse(null);
    if (upTo != null) {
      store.markClosed(key, upTo);
    }
  }

  /** Forgets a window in this JVM only, before the store is told. */
  void closeLocally(String key) {
    local.remove(key);
  }

  /**
   * Forgets everything recorded about the user, for erasure requests.
   *
   * @param user the user
   * @return whether anything was recorded
   */
  public boolean forget(String user) {
    return forgetKey(key(user));
  }

  boolean forgetKey(String key) {
    boolean here = local.remove(key) != null;
    return store.erase(key) | here;
  }

  /**
   * Drops the windows kept in this JVM that are closed at {@code now}; the store drops its own.
   *
   * @param now the current time
   * @return how many were dropped
   */
  public int purgeExpired(Instant now) {
    Instant cutoff = now.minus(WINDOW);
    int[] dropped = {0};
    local.forEach(
        (user, last) -> {
          if (!last.isAfter(cutoff) && local.remove(user, last)) {
            dropped[0]++;
          }
        });
    return dropped[0];
  }

  /** Returns how many users this JVM holds an inbound time for, open or not yet purged. */
  public int size() {
    return local.size();
  }

  /** Returns the store the times are kept in. */
  ServiceWindowStore store() {
    return store;
  }

  String key(String user) {
    return ids.canonical(UserKeys.of(user), true);
  }

  /** Returns the store key of a user named by a webhook, without asking any store. */
  String keyLocal(String user) {
    return ids.canonical(UserKeys.of(user), false);
  }

  /** Makes the tracker key users as the sender does, by the WhatsApp ids it learned. */
  void useRecipientIds(RecipientIds ids) {
    this.ids = ids;
  }

  /** Records an inbound time in this JVM only; returns the user's store key. */
  String recordLocally(String user, Instant at) {
    Objects.requireNonNull(at, "at");
    String key = keyLocal(user);
    local.merge(key, at, (old, now) -> now.isAfter(old) ? now : old);
    int size = local.size();
    int threshold = purgeAt.get();
    if (size >= threshold && purgeAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
      purgeExpired(at);
      purgeAt.set(Math.max(1_024, local.size() * 2));
    }
    return key;
  }

  @Override
  public String toString() {
    return "ServiceWindowTracker[store=" + store + ", local=" + local.size() + "]";
  }
}
