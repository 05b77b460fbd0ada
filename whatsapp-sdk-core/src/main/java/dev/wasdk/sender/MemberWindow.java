package dev.wasdk.sender;

import dev.wasdk.sender.LimiterStore.AdmitResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One rolling window of {@link InMemoryLimiterStore}: its members and their admission times (µs).
 * Once retired (empty and removed from the store's map) it is dead, and every call answers as if it
 * were absent, so that a caller holding it starts over with a new one. Thread-safe: every method
 * holds the window's own monitor, briefly, and calls nothing outside it.
 */
final class MemberWindow {
  private final HashMap<String, Long> admitted = new HashMap<>();
  private final TreeSet<Slot> order = new TreeSet<>();
  private long windowMicros = 1;
  private boolean dead;

  /** Admits a member as {@link LimiterStore#admit} describes; null when the window is dead. */
  synchronized AdmitResult admit(String member, long limit, long w, long t) {
    if (dead) {
      return null;
    }
    windowMicros = w;
    purge(t - w);
    Long at = admitted.get(member);
    if (at != null) {
      if (t > at) {
        order.remove(new Slot(at, member));
        order.add(new Slot(t, member));
        admitted.put(member, t);
      }
      return new AdmitResult(true, true, admitted.size(), Duration.ZERO);
    }
    int size = admitted.size();
    if (size < limit) {
      admitted.put(member, t);
      order.add(new Slot(t, member));
      return new AdmitResult(true, false, size + 1L, Duration.ZERO);
    }
    return new AdmitResult(
        false, false, size, InMemoryLimiterStore.duration(order.first().at + w - t));
  }

  /** Removes the member if it was admitted at {@code at} (µs). */
  synchronized boolean release(String member, long at) {
    Long held = admitted.get(member);
    if (dead || held == null || held != at) {
      return false;
    }
    admitted.remove(member);
    order.remove(new Slot(at, member));
    return true;
  }

  /** Counts the members admitted after {@code t - w}. */
  synchronized long size(long w, long t) {
    if (dead) {
      return 0;
    }
    // Counted without purging, so a shorter window asked for here never drops members that a
    // longer window still holds. The expired head is short: every admit drops it.
    return admitted.size() - order.headSet(new Slot(t - w + 1, ""), false).size();
  }

  /** Keeps the member's slot under an anonymous name; returns whether it held one. */
  synchronized boolean anonymize(String member) {
    Long at = admitted.remove(member);
    if (dead || at == null) {
      return false;
    }
    String anonymous = "erased:" + UUID.randomUUID();
    order.remove(new Slot(at, member));
    admitted.put(anonymous, at);
    order.add(new Slot(at, anonymous));
    return true;
  }

  /**
   * Drops the members expired at {@code t} and, when none is left, marks the window dead; returns
   * whether it is dead, so that the store removes it.
   */
  synchronized boolean retireIfEmpty(long t) {
    if (dead) {
      return false;
    }
    purge(t - windowMicros);
    if (admitted.isEmpty()) {
      dead = true;
    }
    return dead;
  }

  /** Drops the members admitted at or before {@code cutoff}. */
  private void purge(long cutoff) {
    while (!order.isEmpty() && order.first().at <= cutoff) {
      admitted.remove(order.pollFirst().member);
    }
  }

  private record Slot(long at, String member) implements Comparable<Slot> {
    @Override
    public int compareTo(Slot o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : member.compareTo(o.member);
    }
  }
}
