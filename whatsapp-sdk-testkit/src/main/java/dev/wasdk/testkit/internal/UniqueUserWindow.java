package dev.wasdk.testkit.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The unique users reached in a rolling window, for the messaging limit: a user counts from their
 * latest message until the window has passed since it. Thread-safe; calls are synchronized, and
 * only business-initiated messages outside the customer-service window reach it.
 */
public final class UniqueUserWindow {
  private record Entry(String user, long at) {}

  private final long windowMillis;
  private final Map<String, Long> latest = new HashMap<>();
  private final ArrayDeque<Entry> order = new ArrayDeque<>();

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
    if (!latest.containsKey(user) && limit >= 0 && latest.size() >= limit) {
      return false;
    }
    latest.put(user, nowMillis);
    order.addLast(new Entry(user, nowMillis));
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
    order.clear();
  }

  private void evict(long nowMillis) {
    long cutoff = nowMillis - windowMillis;
    while (!order.isEmpty() && order.peekFirst().at() <= cutoff) {
      Entry e = order.pollFirst();
      Long at = latest.get(e.user());
      if (at != null && at == e.at()) {
        latest.remove(e.user());
      }
    }
  }
}
