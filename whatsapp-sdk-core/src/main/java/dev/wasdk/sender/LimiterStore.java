package dev.wasdk.sender;

import java.time.Duration;
import java.time.Instant;

/**
 * The storage behind the pacing sender's limits. It offers two atomic steps; the algorithms that
 * use them (adaptive throughput, pair rate, tier accounting) live in the sender.
 *
 * <ul>
 *   <li>{@link #tryTake}: take tokens from a token bucket, or report how long until enough are
 *       there.
 *   <li>{@link #admit}: admit a member into a rolling unique-member window, or report when a slot
 *       frees; a member already in the window is admitted at no cost. {@link #release} gives a slot
 *       back.
 * </ul>
 *
 * <p>Time is passed in by the caller, so every store behaves the same under a test clock, and
 * stores shared by many machines agree as long as the machines' clocks do.
 *
 * <p>Implementations must be thread-safe, and each method must be atomic with respect to every
 * other call on the same key, from this JVM or, for a shared store, from any other. {@link
 * #inMemory()} is the default; {@code whatsapp-sdk-redis} shares the limits across app instances.
 */
public interface LimiterStore {

  /**
   * Takes {@code tokens} from the bucket {@code key} if it holds that many, refilling it first for
   * the time passed since its last use. A bucket seen for the first time starts full.
   *
   * <p>The bucket's state is its token count and the time it was last refilled; {@code spec} is
   * given on every call, so a caller may change the rate at any time and the new rate applies from
   * then on.
   *
   * @param key the bucket's key, such as {@code tp:106540352242922}
   * @param spec the bucket's capacity and refill rate
   * @param tokens how many tokens to take, at least 1 and at most the capacity
   * @param now the current time
   * @return whether the tokens were taken, and if not, how long until they can be
   */
  TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now);

  /**
   * Admits {@code member} into the rolling window {@code key}: true at no cost when the member was
   * admitted less than {@code window} ago; true and counted when fewer than {@code limit} members
   * were admitted in the last {@code window}; false otherwise, with the time until the oldest slot
   * frees.
   *
   * @param key the window's key, such as {@code tier:<business id>}
   * @param member the member, such as a user's phone number or business-scoped id
   * @param limit the most members in any window, at least 1
   * @param window the window's length, such as 24 hours
   * @param now the current time
   * @return the outcome
   */
  AdmitResult admit(String key, String member, long limit, Duration window, Instant now);

  /**
   * Gives back the slot {@code member} took in window {@code key}, for a send that Meta rejected.
   * Does nothing when the member holds no slot.
   *
   * @param key the window's key
   * @param member the member
   */
  void release(String key, String member);

  /**
   * Returns how many members the window {@code key} holds at {@code now}.
   *
   * @param key the window's key
   * @param window the window's length
   * @param now the current time
   * @return the number of members admitted in the last {@code window}
   */
  long windowSize(String key, Duration window, Instant now);

  /**
   * A token bucket's shape: it holds at most {@code capacity} tokens and gains {@code refillTokens}
   * every {@code refillPeriod}, continuously.
   *
   * @param capacity the most tokens the bucket holds, at least 1
   * @param refillTokens how many tokens it gains per period, at least 1
   * @param refillPeriod the period, positive
   */
  record BucketSpec(long capacity, long refillTokens, Duration refillPeriod) {
    /** Checks the arguments. */
    public BucketSpec {
      if (capacity < 1 || refillTokens < 1) {
        throw new IllegalArgumentException("capacity and refillTokens must be at least 1");
      }
      if (refillPeriod == null || refillPeriod.isZero() || refillPeriod.isNegative()) {
        throw new IllegalArgumentException("refillPeriod must be positive");
      }
    }

    /**
     * Returns a bucket that holds {@code perSecond} tokens and refills them every second.
     *
     * @param perSecond the rate and the burst
     * @return the spec
     */
    public static BucketSpec perSecond(long perSecond) {
      return new BucketSpec(perSecond, perSecond, Duration.ofSeconds(1));
    }
  }

  /**
   * The outcome of {@link #tryTake}.
   *
   * @param taken whether the tokens were taken
   * @param remaining the tokens left after the call (whole tokens)
   * @param retryAfter how long until the tokens asked for could be taken; zero when taken
   */
  record TakeResult(boolean taken, long remaining, Duration retryAfter) {}

  /**
   * The outcome of {@link #admit}.
   *
   * @param admitted whether the member may be sent to
   * @param alreadyCounted whether the member was already in the window, so it cost nothing
   * @param size how many members the window holds after the call
   * @param retryAfter when refused, how long until the oldest slot frees; zero when admitted
   */
  record AdmitResult(boolean admitted, boolean alreadyCounted, long size, Duration retryAfter) {}
}
