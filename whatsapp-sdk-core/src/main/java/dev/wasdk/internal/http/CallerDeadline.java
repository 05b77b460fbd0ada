package dev.wasdk.internal.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole-response deadline of a blocking call whose body the JDK buffers itself. When the
 * deadline passes before the call has returned, the transport's {@link BodyDeadlines} sweep
 * interrupts the calling thread; the client's blocking {@code send} then cancels the exchange,
 * which drops the connection, and throws {@link InterruptedException}, which the transport reports
 * as the deadline.
 *
 * <p>The caller must call {@link #end()} once the call has returned or thrown, before anything
 * else. It settles the race with the sweep: either the deadline can no longer fire, or it fired and
 * {@code end} waits for its interrupt to land and clears it, so the interrupt never leaks into the
 * caller's later work. An interrupt the application itself sends in that same moment is cleared as
 * well; any other is left alone. One instance per call; the sweep and the caller may touch it at
 * once.
 */
final class CallerDeadline implements BodyDeadlines.Watched {
  private static final int ARMED = 0;
  private static final int INTERRUPTING = 1;
  private static final int INTERRUPTED = 2;
  private static final int ENDED = 3;
  private static final int ENDED_BY_DEADLINE = 4;

  private final Thread caller;
  private final long deadlineNanos;
  private final AtomicInteger state = new AtomicInteger(ARMED);

  /**
   * Creates the deadline of a call made on the current thread.
   *
   * @param deadlineNanos when the whole response must have arrived, on the sweep's clock
   */
  CallerDeadline(long deadlineNanos) {
    this(Thread.currentThread(), deadlineNanos);
  }

  CallerDeadline(Thread caller, long deadlineNanos) {
    this.caller = caller;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Interrupts the caller if the deadline has passed and the call has not ended.
   *
   * @param nowNanos the current time on the sweep's clock
   * @return whether the deadline has passed
   */
  @Override
  public boolean expireIfDue(long nowNanos) {
    if (nowNanos - deadlineNanos < 0) {
      return false;
    }
    if (state.compareAndSet(ARMED, INTERRUPTING)) {
      caller.interrupt();
      state.set(INTERRUPTED);
    }
    return true;
  }

  /**
   * Ends the watch; called by the caller once the call has returned or thrown. Idempotent.
   *
   * @return whether the deadline fired first, in which case the interrupt it sent is cleared
   */
  boolean end() {
    if (state.compareAndSet(ARMED, ENDED)) {
      return false;
    }
    // The sweep won the race: wait the few instructions until its interrupt has landed.
    while (state.get() == INTERRUPTING) {
      Thread.onSpinWait();
    }
    if (state.compareAndSet(INTERRUPTED, ENDED_BY_DEADLINE)) {
      Thread.interrupted();
    }
    return state.get() == ENDED_BY_DEADLINE;
  }
}
