package dev.wasdk.sender;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link MessageSender#submit} does when the queue is full.
 *
 * <ul>
 *   <li>{@link #reject()} (the default): the returned future completes at once with {@link
 *       SendOutcome.Rejected} and {@link RejectReason#QUEUE_FULL}.
 *   <li>{@link #block(Duration)}: {@code submit} blocks the calling thread until there is room, or
 *       for at most the timeout, then rejects the same way.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class QueueFullPolicy {
  private static final QueueFullPolicy REJECT = new QueueFullPolicy(Duration.ZERO);

  private final Duration timeout;

  private QueueFullPolicy(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Returns the policy that rejects at once.
   *
   * @return the policy
   */
  public static QueueFullPolicy reject() {
    return REJECT;
  }

  /**
   * Returns the policy that blocks the submitting thread for up to {@code timeout}, then rejects.
   * Use it when the producer should slow down to the sender's pace, as a campaign loop should.
   *
   * @param timeout how long to wait for room; zero rejects at once
   * @return the policy
   */
  public static QueueFullPolicy block(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    return new QueueFullPolicy(timeout);
  }

  /** Returns how long {@code submit} waits for room; zero for {@link #reject()}. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueueFullPolicy p && p.timeout.equals(timeout);
  }

  @Override
  public int hashCode() {
    return timeout.hashCode();
  }

  @Override
  public String toString() {
    return timeout.isZero() ? "QueueFullPolicy[reject]" : "QueueFullPolicy[block " + timeout + "]";
  }
}
