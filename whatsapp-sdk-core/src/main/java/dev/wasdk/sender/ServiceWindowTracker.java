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
 * ServiceWindowTracker windows = sender.serviceWindows();
 * windows.recordInbound("16505551234", Instant.ofEpochSecond(inbound.timestamp()));
 * if (!windows.isOpen("+16505551234", clock.instant())) {
 *   // send a template instead
 * }
 * }</pre>
 *
 * <p><b>Thread-safety.</b> Instances are thread-safe and lock-free. <b>Memory:</b> one entry per
 * user with an open window; expired entries are dropped as new ones arrive. The state lives in this
 * JVM: each app instance that sends must see the inbound messages (or share a tracker).
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages">Customer
 *     service windows</a>
 */
public final class ServiceWindowTracker {
  /** The length of the customer-service window. */
  public static final Duration WINDOW = Duration.ofHours(24);

  private static final Instant CLOSED = Instant.MIN;

  private final ConcurrentHashMap<String, Instant> lastInbound = new ConcurrentHashMap<>();
  private final AtomicInteger purgeAt = new AtomicInteger(1_024);

  private ServiceWindowTracker() {}

  /**
   * Returns a new, empty tracker.
   *
   * @return the tracker
   */
  public static ServiceWindowTracker create() {
    return new ServiceWindowTracker();
  }

  /**
   * Records an inbound message (or call) from a user, which opens or extends the window. An older
   * time than the one recorded changes nothing, so replayed or reordered webhooks are harmless.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @param at when the user's message was sent (the webhook's {@code timestamp})
   */
  public void recordInbound(String user, Instant at) {
    Objects.requireNonNull(at, "at");
    lastInbound.merge(UserKeys.of(user), at, (old, now) -> now.isAfter(old) ? now : old);
    int size = lastInbound.size();
    int threshold = purgeAt.get();
    if (size >= threshold && purgeAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
      purgeExpired(at);
      purgeAt.set(Math.max(1_024, lastInbound.size() * 2));
    }
  }

  /**
   * Returns whether the user's window is open at {@code now}: the last inbound message was less
   * than 24 hours before.
   *
   * @param user the user
   * @param now the time to check
   * @return whether free-form messages may be sent
   */
  public boolean isOpen(String user, Instant now) {
    Objects.requireNonNull(now, "now");
    Instant last = lastInbound.get(UserKeys.of(user));
    return last != null && last != CLOSED && now.isBefore(last.plus(WINDOW));
  }

  /**
   * Returns when the user's window closes, or empty when no inbound message is known or Meta said
   * the window is closed.
   *
   * @param user the user
   * @return the end of the window
   */
  public Optional<Instant> closesAt(String user) {
    Instant last = lastInbound.get(UserKeys.of(user));
    return last == null || last == CLOSED ? Optional.empty() : Optional.of(last.plus(WINDOW));
  }

  /**
   * Returns the time of the user's last recorded inbound message.
   *
   * @param user the user
   * @return the time, or empty
   */
  public Optional<Instant> lastInbound(String user) {
    Instant last = lastInbound.get(UserKeys.of(user));
    return last == null || last == CLOSED ? Optional.empty() : Optional.of(last);
  }

  /**
   * Marks the user's window closed, because Meta said so (error 131047): Meta's clock wins over an
   * inbound message that was recorded late or not at all. A later inbound message opens it again.
   *
   * @param user the user
   */
  public void markClosed(String user) {
    lastInbound.put(UserKeys.of(user), CLOSED);
  }

  /**
   * Forgets everything recorded about the user, for erasure requests.
   *
   * @param user the user
   * @return whether anything was recorded
   */
  public boolean forget(String user) {
    return lastInbound.remove(UserKeys.of(user)) != null;
  }

  /**
   * Drops the windows that are closed at {@code now}.
   *
   * @param now the current time
   * @return how many were dropped
   */
  public int purgeExpired(Instant now) {
    Instant cutoff = now.minus(WINDOW);
    int[] dropped = {0};
    lastInbound.forEach(
        (user, last) -> {
          if (!last.isAfter(cutoff) && lastInbound.remove(user, last)) {
            dropped[0]++;
          }
        });
    return dropped[0];
  }

  /** Returns how many users the tracker holds, open or not yet purged. */
  public int size() {
    return lastInbound.size();
  }

  @Override
  public String toString() {
    return "ServiceWindowTracker[users=" + lastInbound.size() + "]";
  }
}
