package dev.wasdk.testkit.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unique users reached in a rolling window, for the messaging limit: a user counts from their
 * latest message until the window has passed since it. Users are kept in the order of their latest
 * message, so expired ones are dropped from the front and memory never exceeds one entry per
 * counted user. Thread-safe; calls are synchronized, and only business-initiated messages outside
 * the customer-service window reach it.
 */
public final class UniqueUserWindow {
  private final long windowMillis;
  private final LinkedHashMap<String, Long> latest = new LinkedHashMap<>();

  /** Creates an empty window of the given length. */
  public UniqueUserWindow(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /**
   * Counts a message to a user if the limit allows it.
   *
   * @param user the user
   * @param nowMillis the current time
   * @param limit the most unique users in the window, or a negative number for no limit
   * @return whether the message is within the limit (a user already counted always is)
   */
  public synchronized boolean admit(String user, long nowMillis, long limit) {
    evict(nowMillis);
    Long previous = latest.remove(user);
    if (previous == null && limit >= 0 && latest.size() >= limit) {
      return false;
    }
    latest.put(user, Math.max(nowMillis, previous == null ? nowMillis : previous));
    return true;
  }

  /** Returns how many users are counted now. */
  public synchronized int size(long nowMillis) {
    evict(nowMillis);
    return latest.size();
  }

  /** Forgets everyone. */
  public synchronized void clear() {
    latest.clear();
  }

  private void evict(long nowMillis) {
    long cutoff = nowMillis - windowMillis;
    Iterator<Map.Entry<String, Long>> it = latest.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue() > cutoff) {
        break;
      }
      it.remove();
    }
  }
}
