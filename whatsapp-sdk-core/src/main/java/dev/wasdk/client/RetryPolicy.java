package dev.wasdk.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WhatsAppClient} retries failed requests on its own: how many attempts, and how long
 * it waits between them (exponential backoff with jitter, or the server's {@code Retry-After}).
 *
 * <p><b>What is retried</b> does not depend on the policy; it is fixed by what is safe:
 *
 * <ul>
 *   <li><b>Message sends</b> ({@code POST /messages} with a message) and other calls that are not
 *       idempotent (creations, uploads, template edits, verification-code requests and checks, and
 *       raw Graph calls other than GET, HEAD and DELETE unless declared idempotent) are retried
 *       only when the failure proves Meta did not accept the request: a connect failure or connect
 *       timeout (nothing was sent), or one of the limit and maintenance codes that reject a request
 *       before it is processed: 130429 (throughput), 4 and 80007 (app and WABA call limits), 131057
 *       and 2494100 (maintenance mode). A timeout or a broken connection after the request was
 *       written is never retried, nor is a server error (1, 2, 131000, 131016, 133004): Meta
 *       documents those as temporary but does not promise the message was not accepted, so a retry
 *       could deliver it twice. 131056 (pair rate) is left to the caller or the pacing sender,
 *       which must back off for that user only; 131047, 131048, 131049 and 131050 are never
 *       retried.
 *   <li><b>Idempotent calls</b> (reads, deletes, read receipts and typing indicators) are also
 *       retried after a timeout or a broken connection, and on every code whose advice is {@code
 *       RETRY} or {@code RETRY_LATER}.
 * </ul>
 *
 * <p>A wait announced by the server ({@code Retry-After}, the usage header's estimate, or a catalog
 * hint such as 60 s for 131057) is honoured exactly when it is at most {@link #maxRetryAfter()}; a
 * longer one ends the retries, and the exception reports it in {@code retryAfter()}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(1)).build();
 * WhatsAppClient wa = WhatsAppClient.builder()...retryPolicy(policy).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /**
   * Returns the default policy: 3 attempts, backoff from 500 ms doubling up to 10 s with 50%
   * jitter, and server-announced waits honoured up to 30 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that never retries (one attempt).
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Returns a builder that starts from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that starts from this policy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    return b;
  }

  /** Returns the number of attempts, the first included; 1 means no retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the wait before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Returns the longest backoff between attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Returns the factor by which the backoff grows after each attempt. */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Returns the jitter, from 0 to 1: each backoff is drawn uniformly between {@code backoff × (1 −
   * jitter)} and {@code backoff}, so that many clients do not retry in step.
   */
  public double jitter() {
    return jitter;
  }

  /** Returns the longest server-announced wait the client sleeps through before a retry. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && p.maxAttempts == maxAttempts
        && p.initialBackoff.equals(initialBackoff)
        && p.maxBackoff.equals(maxBackoff)
        && Double.compare(p.multiplier, multiplier) == 0
        && Double.compare(p.jitter, jitter) == 0
        && p.maxRetryAfter.equals(maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }

  /** Builds a {@link RetryPolicy}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Sets the number of attempts, the first included. Default 3; 1 disables retries.
     *
     * @param maxAttempts 1 to 20
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 20, but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait before the first retry. Default 500 ms. Throughput limits (130429) are per
     * second, so waits well under a second rarely help.
     *
     * @param initialBackoff at least 1 ms
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest backoff. Default 10 s.
     *
     * @param maxBackoff at least 1 ms
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets how fast the backoff grows. Default 2.
     *
     * @param multiplier 1 to 10
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
        throw new IllegalArgumentException("multiplier must be 1 to 10, but was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Sets the jitter. Default 0.5; 0 makes the backoff exact.
     *
     * @param jitter 0 to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be 0 to 1, but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the longest server-announced wait ({@code Retry-After}, usage estimate, or catalog hint)
     * the client sleeps through. Default 30 s. A blocking {@code send} holds its thread for the
     * wait, so keep it short there; a longer wait is reported in the exception instead.
     *
     * @param maxRetryAfter zero or more
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if the initial backoff exceeds the maximum
     */
    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException(
            "initialBackoff " + initialBackoff + " exceeds maxBackoff " + maxBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms, but was " + d);
      }
      return d;
    }
  }
}
