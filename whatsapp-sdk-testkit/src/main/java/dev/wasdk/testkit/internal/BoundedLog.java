package dev.wasdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An append-only log that keeps the newest {@code capacity} entries. Appends are lock-free; the
 * size is approximate by at most the number of concurrent appenders. Thread-safe.
 */
public final class BoundedLog<T> {
  private final int capacity;
  private final ConcurrentLinkedDeque<T> entries = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();

  /** Creates a log that keeps up to {@code capacity} entries; 0 keeps none. */
  public BoundedLog(int capacity) {
    this.capacity = capacity;
  }

  /** Appends an entry, dropping the oldest when full. */
  public void add(T entry) {
    if (capacity == 0) {
      return;
    }
    entries.addLast(entry);
    if (size.incrementAndGet() > capacity) {
      if (entries.pollFirst() != null) {
        size.decrementAndGet();
      }
    }
  }

  /** Returns the entries, oldest first. */
  public List<T> snapshot() {
    return List.copyOf(new ArrayList<>(entries));
  }

  /** Removes every entry. */
  public void clear() {
    while (entries.pollFirst() != null) {
      size.decrementAndGet();
    }
  }
}
