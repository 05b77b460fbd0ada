package dev.wasdk.sender;

import java.time.Duration;

/**
 * Receives a {@link MessageSender}'s events, for metrics and alerts. Every method has an empty
 * default, so implement only what you need.
 *
 * <p>Methods are called on the sender's threads (an HTTP completion thread, the scheduler, or a
 * thread that calls into the sender), never while the sender holds its lock. They must be
 * thread-safe and quick, and must not throw: an exception is logged and ignored.
 */
public interface SenderListener {

  /**
   * Called once for every submitted message, when it ends, just before its future completes: a
   * caller that waited for the future sees what this method recorded.
   *
   * @param outcome the outcome
   */
  default void onOutcome(SendOutcome outcome) {}

  /**
   * Called when Meta answered 130429 and the sender lowered its throughput.
   *
   * @param messagesPerSecond the lowered throughput
   */
  default void onThroughputReduced(double messagesPerSecond) {}

  /**
   * Called when Meta answered 131056 for a user, and the sender stopped sending to that user for a
   * while.
   *
   * @param maskedUser the user, masked
   * @param backoff how long
   */
  default void onPairBackoff(String maskedUser, Duration backoff) {}
}
