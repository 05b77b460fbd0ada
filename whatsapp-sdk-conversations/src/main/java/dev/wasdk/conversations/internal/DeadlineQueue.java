package dev.wasdk.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wait deadlines scheduled in this JVM, by conversation key, in deadline order. Thread-safe;
 * each entry is taken by exactly one caller of {@link #takeDue}.
 */
public final class DeadlineQueue {
  private record Entry(Instant deadline, long sequence, String conversation)
      implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = deadline.compareTo(o.deadline);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>();
  private final AtomicLong sequence = new AtomicLong();

  /** Adds a deadline for a conversation. */
  public void add(String conversation, Instant deadline) {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(deadline, "deadline");
    entries.add(new Entry(deadline, sequence.incrementAndGet(), conversation));
  }

  /** Removes and returns the conversations whose deadline is at or before {@code now}. */
  public List<String> takeDue(Instant now) {
    List<String> due = new ArrayList<>();
    while (true) {
      Entry first = entries.isEmpty() ? null : entries.first();
      if (first == null || first.deadline().isAfter(now)) {
        return due;
      }
      if (entries.remove(first)) {
        due.add(first.conversation());
      }
    }
  }

  /** Returns the number of deadlines waiting. */
  public int size() {
    return entries.size();
  }
}
