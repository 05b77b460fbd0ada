package dev.wasdk.testkit.internal;

/**
 * A token bucket on the simulator's clock: it holds up to {@code capacity} tokens and gains one
 * every {@code refillMillis / tokensPerRefill}. Thread-safe; each call holds the bucket's lock
 * briefly.
 */
public final class TokenBucket {
  private final double capacity;
  private final double tokensPerMilli;
  private double tokens;
  private long last;

  /**
   * Creates a full bucket.
   *
   * @param capacity the most tokens it holds
   * @param tokensPerMilli how many tokens it gains per millisecond
   * @param nowMillis the current time
   */
  public TokenBucket(double capacity, double tokensPerMilli, long nowMillis) {
    this.capacity = capacity;
    this.tokensPerMilli = tokensPerMilli;
    this.tokens = capacity;
    this.last = nowMillis;
  }

  /** Takes one token if there is one. */
  public synchronized boolean tryTake(long nowMillis) {
    refill(nowMillis);
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }

  /** Returns whether the bucket is full, so it can be forgotten without changing behaviour. */
  public synchronized boolean isFull(long nowMillis) {
    refill(nowMillis);
    return tokens >= capacity;
  }

  private void refill(long nowMillis) {
    if (nowMillis > last) {
      tokens = Math.min(capacity, tokens + (nowMillis - last) * tokensPerMilli);
      last = nowMillis;
    }
  }
}
