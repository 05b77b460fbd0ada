package dev.wasdk.sender;

import java.time.Instant;
import java.util.ArrayDeque;

/** The messages to one user, sent one at a time in order. Guarded by the dispatcher's lock. */
final class Lane {
  final String user;
  final ArrayDeque<Job> queue = new ArrayDeque<>(2);
  boolean busy; // its head is in flight or being admitted
  boolean inReady;
  boolean asleep;
  Instant wakeAt;
  int headPriority;
  long headSeq;

  Lane(String user) {
    this.user = user;
  }

  /** Returns the first job that has not ended, dropping the ended ones before it. */
  Job head() {
    Job j;
    while ((j = queue.peekFirst()) != null && j.done && !j.inFlight && !j.admitting) {
      queue.pollFirst();
    }
    return j;
  }
}
