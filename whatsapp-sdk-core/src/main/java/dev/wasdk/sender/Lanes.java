package dev.wasdk.sender;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Where each user's lane stands: in the ready queue (by the priority, then the submission order of
 * its head), asleep in the {@link Timers} until a time, busy with its head, or retired once empty.
 * Not thread-safe: used only with the {@link Dispatcher}'s lock held.
 */
final class Lanes {
  private static final Comparator<Lane> BY_PRIORITY =
      Comparator.<Lane>comparingInt(l -> l.headPriority).thenComparingLong(l -> l.headSeq);

  private final Map<String, Lane> lanes = new HashMap<>();
  private final PriorityQueue<Lane> ready = new PriorityQueue<>(BY_PRIORITY);
  private final Timers timers;

  Lanes(Timers timers) {
    this.timers = timers;
  }

  /** Returns the user's lane, or null when none is held. */
  Lane get(String user) {
    return lanes.get(user);
  }

  /** Returns the user's lane, creating it when none is held. */
  Lane of(String user) {
    return lanes.computeIfAbsent(user, Lane::new);
  }

  /** Returns how many lanes are held. */
  int size() {
    return lanes.size();
  }

  /** Returns every lane held, for a scan. */
  Iterable<Lane> all() {
    return lanes.values();
  }

  boolean anyReady() {
    return !ready.isEmpty();
  }

  /**
   * Takes the lane whose head goes next out of the ready queue and returns it, or null when none is
   * ready. A lane whose head was withdrawn since it was queued is sorted again first.
   */
  Lane pollReady() {
    Lane lane;
    while ((lane = ready.poll()) != null) {
      lane.inReady = false;
      Job head = lane.head();
      if (head == null) {
        retire(lane);
      } else if (head.seq != lane.headSeq || head.priority.ordinal() != lane.headPriority) {
        makeReady(lane);
      } else {
        return lane;
      }
    }
    return null;
  }

  /** Puts a lane in the ready queue, sorted by its current head; retires it when empty. */
  void makeReady(Lane lane) {
    Job head = lane.head();
    if (head == null) {
      lane.inReady = false;
      retire(lane);
      return;
    }
    if (lane.inReady) {
      ready.remove(lane);
    }
    lane.headPriority = head.priority.ordinal();
    lane.headSeq = head.seq;
    lane.inReady = true;
    ready.add(lane);
  }

  /** Puts a lane that is not busy where it belongs. */
  void place(Lane lane) {
    if (lane.busy) {
      return;
    }
    if (lane.head() == null) {
      timers.unsleep(lane);
      if (lane.inReady) {
        ready.remove(lane);
        lane.inReady = false;
      }
      retire(lane);
    } else if (!lane.asleep && !lane.inReady) {
      makeReady(lane);
    }
  }

  /** Puts a lane to sleep until {@code until}, out of the ready queue. */
  void sleep(Lane lane, Instant until) {
    if (lane.inReady) {
      ready.remove(lane);
      lane.inReady = false;
    }
    timers.sleep(lane, until);
  }

  /** Wakes the lanes due at {@code now}, or every sleeping lane when {@code now} is null. */
  void wake(Instant now) {
    Lane lane;
    while ((lane = timers.pollAwake(now)) != null) {
      if (!lane.busy) {
        makeReady(lane);
      }
    }
  }

  /**
   * Drops, once the sender is closed, every ended job that no thread still handles and every lane
   * left with none, so that a closed sender holds nothing but the requests still in flight and the
   * jobs being admitted.
   */
  void clearEnded() {
    ready.clear();
    while (timers.pollAwake(null) != null) {
      // every sleeper wakes, into no queue: nothing more is admitted
    }
    for (Iterator<Lane> it = lanes.values().iterator(); it.hasNext(); ) {
      Lane l = it.next();
      l.inReady = false;
      l.queue.removeIf(j -> j.done && !j.inFlight && !j.admitting);
      if (!l.busy && l.queue.isEmpty()) {
        it.remove();
      }
    }
  }

  /** Returns how many jobs the lanes hold, ended or not. */
  int jobCount() {
    int n = 0;
    for (Lane l : lanes.values()) {
      n += l.queue.size();
    }
    return n;
  }

  private void retire(Lane lane) {
    if (!lane.busy && !lane.asleep && !lane.inReady && lane.head() == null) {
      lanes.remove(lane.user, lane);
    }
  }
}
