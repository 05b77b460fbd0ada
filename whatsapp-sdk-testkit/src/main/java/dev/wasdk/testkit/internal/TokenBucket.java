package dev.wasdk.testkit.internal;

/**
 * A token bucket on the simulator's clock: it holds up to {@code capacity} tokens and gains one
 * every {@code nanosPerToken}. The state is kept in nanoseconds of refill time, so
 * whole-millisecond rates (such as one token per 6 s, or 80 per second) are exact. Thread-safe;
 * each call holds the bucket's lock briefly.
 */
public final class TokenBucket {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final long nanosPerToken;
  private final long maxCredit;
  private long credit;
  private long last;

  /**
   * Creates a full bucket.
   *
   * @param capacity the most tokens it holds
   * @param nanosPerToken the time one token takes to come back, at least 1
   * @param nowMillis the current time
   */
  public TokenBucket(long capacity, long nanosPerToken, long nowMillis) {
    this.nanosPerToken = Math.max(1, nanosPerToken);
    this.maxCredit = Math.multiplyExact(capacity, this.nanosPerToken);
    this.credit = maxCredit;
    this.last = nowMillis;
  }

  /** Returns a bucket of {@code perSecond} tokens that refills at the same rate. */
  public static TokenBucket perSecond(int perSecond, long nowMillis) {
    return new TokenBucket(perSecond, 1_000_000_000L / perSecond, nowMillis);
  }

  /** Takes one token if there is one. */
  public synchronized boolean tryTake(long nowMillis) {
    refill(nowMillis);
    if (credit >= nanosPerToken) {
      credit -= nanosPerToken;
      return true;
    }
    return false;
  }

  /** Returns whether the bucket is full, so it can be forgotten without changing behaviour. */
  public synchronized boolean isFull(long nowMillis) {
    refill(nowMillis);
    return credit >= maxCredit;
  }

  private void refill(long nowMillis) {
    if (nowMillis > last) {
      long gained = (nowMillis - last) * NANOS_PER_MILLI;
      credit = gained >= maxCredit - credit ? maxCredit : credit + gained;
      last = nowMillis;
    }
  }
}
