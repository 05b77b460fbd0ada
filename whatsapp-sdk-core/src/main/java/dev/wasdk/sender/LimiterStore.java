package dev.wasdk.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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
 * stores shared by many machines agree as long as the machines' clocks do. Stores work at
 * microsecond resolution: {@code now} is truncated to the microsecond, and every duration they
 * return is a whole number of microseconds, rounded up, so waiting that long always suffices. The
 * arithmetic is exact integer arithmetic: no token is gained or lost to rounding, however many
 * calls are made.
 *
 * <p>Implementations must be thread-safe, and each method must be atomic with respect to every
 * other call on the same key, from this JVM or, for a shared store, from any other. A store that
 * cannot reach its backend throws {@link LimiterUnavailableException}, and the caller treats the
 * call as refused. Every implementation passes the same contract test suite ({@code
 * LimiterStoreContract} in the core test-jar).
 *
 * <pre>{@code
 * LimiterStore store = LimiterStore.inMemory();
 * BucketSpec pairRate = new BucketSpec(45, 1, Duration.ofSeconds(6));
 * TakeResult r = store.tryTake("pair:106540352242922:16505551234", pairRate, 1, clock.instant());
 * if (!r.taken()) {
 *   retryIn(r.retryAfter());
 * }
 * }</pre>
 */
public interface LimiterStore {

  /**
   * Returns a new store that keeps its state in this JVM's memory. It is the default store, right
   * for a single app instance; see {@link InMemoryLimiterStore}.
   *
   * @return a new, empty store
   */
  static LimiterStore inMemory() {
    return new InMemoryLimiterStore();
  }

  /**
   * Takes {@code tokens} from the bucket {@code key} if it holds that many, refilling it first for
   * the time passed since its last use. A bucket seen for the first time starts full.
   *
   * <p>The bucket's state is its token count, the time it was last refilled, and the spec it was
   * last used with. {@code spec} is given on every call, so a caller may change the rate or the
   * capacity at any time: the time since the last call refills at the previous spec's rate, and the
   * new spec applies from {@code now} on. A smaller capacity clamps the tokens held; a larger one
   * adds none, unless the bucket was full: a full bucket is the same as a bucket never seen, so it
   * is full under any spec, and a store may forget it.
   *
   * <p>The state changes only when tokens are taken or the spec changes. A {@code now} earlier than
   * the bucket's last change (the clocks of two machines differ) sees the bucket as it was then,
   * refills nothing, and the wait reported counts from {@code now}.
   *
   * @param key the bucket's key, such as {@code tp:106540352242922}
   * @param spec the bucket's capacity and refill rate
   * @param tokens how many tokens to take, at least 1 and at most {@code spec.capacity()}
   * @param now the current time
   * @return whether the tokens were taken, and if not, how long until they can be
   * @throws IllegalArgumentException if {@code tokens} is below 1 or above the capacity
   * @throws LimiterUnavailableException if the store's backend cannot be reached
   */
  TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now);

  /**
   * Admits {@code member} into the rolling window {@code key}.
   *
   * <ul>
   *   <li>When the member was admitted less than {@code window} ago, it is admitted at no cost
   *       ({@link AdmitResult#alreadyCounted()}), and its admission time moves to {@code now}: a
   *       user reached again stays counted for a full window after the latest send.
   *   <li>Otherwise, when fewer than {@code limit} members were admitted in the last {@code
   *       window}, it is admitted and counted from {@code now}.
   *   <li>Otherwise it is refused, with the time until the oldest slot frees.
   * </ul>
   *
   * <p>A member admitted at {@code t} holds its slot until {@code t + window}, exclusive.
   *
   * @param key the window's key, such as {@code tier:<business id>}
   * @param member the member, such as a user's phone number or business-scoped id
   * @param limit the most members in any window, at least 1
   * @param window the window's length, such as 24 hours; at least 1 microsecond
   * @param now the current time
   * @return the outcome
   * @throws LimiterUnavailableException if the store's backend cannot be reached
   */
  AdmitResult admit(String key, String member, long limit, Duration window, Instant now);

  /**
   * Gives back the slot that {@code member} took in window {@code key} at {@code admittedAt}, for a
   * send that Meta rejected. It does nothing, and returns false, when the member holds no slot or
   * when its slot was taken or refreshed at another time: a later send to the same member still
   * holds it.
   *
   * <p>Release only admissions that counted ({@code alreadyCounted} false), passing the {@code now}
   * given to {@link #admit}. An admission that was already counted borrowed a slot an earlier send
   * holds, and that send may have been delivered.
   *
   * @param key the window's key
   * @param member the member
   * @param admittedAt the {@code now} of the admission being undone
   * @return whether a slot was given back
   * @throws LimiterUnavailableException if the store's backend cannot be reached
   */
  boolean release(String key, String member, Instant admittedAt);

  /**
   * Gives back tokens taken from the bucket {@code key} by a message that then ended without being
   * sent, so that a withdrawn message does not use up the user's allowance. The bucket never grows
   * past its capacity. The default gives nothing back and returns false: a store that cannot refund
   * only lets the bucket refill at its normal rate.
   *
   * @param key the bucket's key
   * @param spec the bucket's shape, as given to {@link #tryTake}
   * @param tokens how many tokens to give back, 1 to the capacity
   * @param now the current time
   * @return whether tokens were given back
   * @throws LimiterUnavailableException if the store's backend cannot be reached
   */
  default boolean refund(String key, BucketSpec spec, long tokens, Instant now) {
    return false;
  }

  /**
   * Removes what the store keeps under one user's name, for an erasure request: the bucket {@code
   * bucketKey} is deleted (as if never used), and in each window of {@code windowKeys} the member
   * {@code member} is replaced by an anonymous one that holds the same slot until it expires, so
   * the window's count, which Meta's limit still includes, does not change. Keys or a member the
   * store does not hold are skipped. The default erases nothing and returns false: what such a
   * store keeps is pseudonymous and expires within a day.
   *
   * @param bucketKeys the keys of the user's buckets, such as the pair-rate bucket
   * @param windowKeys the keys of the windows the user may be a member of
   * @param member the user's member name in those windows
   * @return whether anything was removed or replaced
   * @throws LimiterUnavailableException if the store's backend cannot be reached
   */
  default boolean eraseUser(
      java.util.Collection<String> bucketKeys,
      java.util.Collection<String> windowKeys,
      String member) {
    return false;
  }

  /**
   * Returns how many members the window {@code key} holds at {@code now}.
   *
   * @param key the window's key
   * @param window the window's length
   * @param now the current time
   * @return the number of members admitted in the last {@code window}
   * @throws LimiterUnavailableException if the store's backend cannot be reached
   */
  long windowSize(String key, Duration window, Instant now);

  /**
   * A token bucket's shape: it holds at most {@code capacity} tokens and gains {@code refillTokens}
   * every {@code refillPeriod}, continuously (one token every {@code refillPeriod / refillTokens}).
   *
   * <p>The period is a whole number of microseconds, and {@code capacity × refillPeriod} is at most
   * 2<sup>53</sup> microseconds (about 285 years), which lets every store, including one that
   * computes in double-precision scripts, keep exact integer arithmetic. Meta's limits are far
   * below that: 1,000 tokens a second is 1,000 token-seconds; 45 tokens refilled one per 6 seconds
   * is 270.
   *
   * @param capacity the most tokens the bucket holds, at least 1
   * @param refillTokens how many tokens it gains per period, at least 1
   * @param refillPeriod the period: positive, whole microseconds
   */
  record BucketSpec(long capacity, long refillTokens, Duration refillPeriod) {
    /** The largest {@code capacity × refillPeriod}, in token-microseconds. */
    public static final long MAX_TOKEN_MICROS = 1L << 53;

    /** Checks the arguments. */
    public BucketSpec {
      if (capacity < 1 || refillTokens < 1) {
        throw new IllegalArgumentException(
            "capacity and refillTokens must be at least 1, were "
                + capacity
                + " and "
                + refillTokens);
      }
      Objects.requireNonNull(refillPeriod, "refillPeriod");
      if (refillPeriod.isZero() || refillPeriod.isNegative()) {
        throw new IllegalArgumentException("refillPeriod must be positive, was " + refillPeriod);
      }
      if (refillPeriod.getNano() % 1_000 != 0) {
        throw new IllegalArgumentException(
            "refillPeriod must be a whole number of microseconds, was " + refillPeriod);
      }
      if (refillPeriod.getSeconds() > MAX_TOKEN_MICROS / 1_000_000L
          || micros(refillPeriod) > MAX_TOKEN_MICROS / capacity) {
        throw new IllegalArgumentException(
            "capacity × refillPeriod must be at most 2^53 microseconds, was "
                + capacity
                + " × "
                + refillPeriod);
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

    /**
     * Returns the refill period in microseconds.
     *
     * @return the period, at least 1
     */
    public long refillPeriodMicros() {
      return micros(refillPeriod);
    }

    private static long micros(Duration d) {
      return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }
  }

  /**
   * The outcome of {@link #tryTake}.
   *
   * @param taken whether the tokens were taken
   * @param remaining the whole tokens left after the call
   * @param retryAfter how long until the tokens asked for could be taken; zero when taken
   */
  record TakeResult(boolean taken, long remaining, Duration retryAfter) {
    /** Checks the arguments. */
    public TakeResult {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /**
   * The outcome of {@link #admit}.
   *
   * @param admitted whether the member may be sent to
   * @param alreadyCounted whether the member was already in the window, so it cost nothing
   * @param size how many members the window holds after the call
   * @param retryAfter when refused, how long until the oldest slot frees; zero when admitted
   */
  record AdmitResult(boolean admitted, boolean alreadyCounted, long size, Duration retryAfter) {
    /** Checks the arguments. */
    public AdmitResult {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }
}
