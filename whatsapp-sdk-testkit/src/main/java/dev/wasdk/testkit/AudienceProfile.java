package dev.wasdk.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated users who get one template behave: the share whose delivery fails, by error
 * code, and the share who read it, and when. Register it with {@link
 * WhatsAppSimulator#audience(String, AudienceProfile)}. Every choice is a function of the seed, the
 * template and the recipient, so a test sees the same users fail and read on every run.
 *
 * <pre>{@code
 * sim.audience("spring_b", AudienceProfile.builder()
 *     .seed(7)
 *     .failureRate(131026, 0.02)      // 2% not on WhatsApp
 *     .readRate(0.40)                 // 40% of the delivered read it
 *     .readDelay(Duration.ofSeconds(1))
 *     .build());
 * }</pre>
 *
 * <p>A failed message gets a {@code failed} status; the others get {@code sent} and {@code
 * delivered} (with pricing), and a {@code read} status for the readers when read receipts are on.
 * Instances are immutable and thread-safe.
 */
public final class AudienceProfile {
  private final long seed;
  private final Map<Integer, Double> failureRates;
  private final double readRate;
  private final Duration readDelay;

  private AudienceProfile(Builder b) {
    this.seed = b.seed;
    this.failureRates = Map.copyOf(b.failureRates);
    this.readRate = b.readRate;
    this.readDelay = b.readDelay;
  }

  /**
   * Returns a builder: seed 0, no failures, everyone reads, the simulator's read delay.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the seed. */
  public long seed() {
    return seed;
  }

  /** Returns the share of messages failing with each error code. */
  public Map<Integer, Double> failureRates() {
    return failureRates;
  }

  /** Returns the share of delivered messages that are read. */
  public double readRate() {
    return readRate;
  }

  /** Returns the read delay after sending, or null for the simulator's. */
  public Duration readDelay() {
    return readDelay;
  }

  @Override
  public String toString() {
    return "AudienceProfile[seed="
        + seed
        + ", failures="
        + failureRates
        + ", readRate="
        + readRate
        + ", readDelay="
        + readDelay
        + "]";
  }

  /** Configures an {@link AudienceProfile}. Not thread-safe. */
  public static final class Builder {
    private long seed;
    private final Map<Integer, Double> failureRates = new LinkedHashMap<>();
    private double readRate = 1;
    private Duration readDelay;

    private Builder() {}

    /**
     * Sets the seed of the choices. Default 0.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Makes a share of the messages fail with an error code; the shares of all codes add up to at
     * most 1.
     *
     * @param errorCode such as 131026 or 131049
     * @param share from 0 to 1
     * @return this builder
     */
    public Builder failureRate(int errorCode, double share) {
      if (errorCode == 0) {
        throw new IllegalArgumentException("errorCode must not be 0");
      }
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be from 0 to 1, was " + share);
      }
      failureRates.put(errorCode, share);
      double total = failureRates.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total > 1 + 1e-9) {
        failureRates.remove(errorCode);
        throw new IllegalArgumentException("failure shares add up to more than 1: " + total);
      }
      return this;
    }

    /**
     * Sets the share of delivered messages that are read. Default 1.
     *
     * @param share from 0 to 1
     * @return this builder
     */
    public Builder readRate(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be from 0 to 1, was " + share);
      }
      this.readRate = share;
      return this;
    }

    /**
     * Sets when the readers read, after the send: the {@code read} status carries that time and,
     * like the simulator's own status delays, is posted that long after the send on the wall clock.
     * Default: the simulator's read delay.
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder readDelay(Duration delay) {
      if (Objects.requireNonNull(delay, "delay").isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      this.readDelay = delay;
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     */
    public AudienceProfile build() {
      return new AudienceProfile(this);
    }
  }
}
