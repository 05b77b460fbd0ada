package dev.wasdk.testkit.internal;

import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults injected into the simulator's answers, applied in the order they were added. The
 * common case, no faults, costs one volatile read. Thread-safe.
 */
public final class FaultQueue {
  /** What a fault does. */
  public enum Kind {
    /** Delays the answer. */
    LATENCY,
    /** Answers with an error envelope instead of handling the request. */
    ERROR,
    /** Handles the request, then resets the connection instead of answering. */
    CONNECTION_RESET,
    /** Handles the request, then answers 200 with a cut-off JSON body. */
    MALFORMED_BODY
  }

  /**
   * One fault.
   *
   * @param kind what it does
   * @param delayMillis the added latency, for {@link Kind#LATENCY}
   * @param httpStatus the HTTP status, for {@link Kind#ERROR}
   * @param code the Graph error code, for {@link Kind#ERROR}
   */
  public record Spec(Kind kind, long delayMillis, int httpStatus, int code) {}

  private static final class Active {
    final Spec spec;
    final AtomicInteger remaining;
    final double fraction;
    final boolean messagesOnly;

    Active(Spec spec, int times, double fraction, boolean messagesOnly) {
      this.spec = spec;
      this.remaining = new AtomicInteger(times);
      this.fraction = fraction;
      this.messagesOnly = messagesOnly;
    }
  }

  private final CopyOnWriteArrayList<Active> active = new CopyOnWriteArrayList<>();
  private final Random random;
  private volatile boolean any;

  /** Creates an empty queue; {@code random} decides fractional faults. */
  public FaultQueue(Random random) {
    this.random = random;
  }

  /**
   * Adds a fault.
   *
   * @param spec the fault
   * @param times how many requests it applies to, when {@code fraction} is 0
   * @param fraction the probability it applies to each request until cleared, or 0
   * @param messagesOnly whether only {@code POST …/messages} requests count
   */
  public void add(Spec spec, int times, double fraction, boolean messagesOnly) {
    active.add(new Active(spec, times, fraction, messagesOnly));
    any = true;
  }

  /** Removes every fault. */
  public void clear() {
    active.clear();
    any = false;
  }

  /** Returns the fault for the next request, or null. */
  public Spec next(boolean isMessages) {
    if (!any) {
      return null;
    }
    for (Active a : active) {
      if (a.messagesOnly && !isMessages) {
        continue;
      }
      if (a.fraction > 0) {
        if (random.nextDouble() < a.fraction) {
          return a.spec;
        }
        continue;
      }
      int left = a.remaining.getAndDecrement();
      if (left > 0) {
        if (left == 1) {
          active.remove(a);
          any = !active.isEmpty();
        }
        return a.spec;
      }
    }
    return null;
  }
}
