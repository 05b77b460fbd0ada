package dev.wasdk.campaigns;

import java.time.Duration;
import java.util.Objects;

/**
 * How a campaign tests its variants before the broadcast: a random sample of the audience gets the
 * variants, the campaign waits for the metric to build up, and a two-proportion z-test picks the
 * variant sent to everyone else.
 *
 * <pre>{@code
 * AbTest test = AbTest.builder()
 *     .sampleShare(0.10)                     // 10% of the audience, split evenly
 *     .metric(Metric.READ)
 *     .decisionWait(Duration.ofHours(4))     // after the last sample send
 *     .minimumSample(200)                    // sent per variant
 *     .significance(0.05)                    // two-sided, Bonferroni-adjusted for 3+ variants
 *     .noWinner(NoWinnerRule.KEEP_CONTROL)
 *     .build();
 * }</pre>
 *
 * <p>The first variant of the campaign is the control. See {@link AbDecision} for the test itself.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AbTest {
  /** What to do when no variant wins significantly. */
  public enum NoWinnerRule {
    /** Send the control to the rest of the audience. */
    KEEP_CONTROL,
    /** Send nothing more: the rest of the audience ends {@link RecipientState#SKIPPED}. */
    STOP
  }

  private final double sampleShare;
  private final Metric metric;
  private final Duration decisionWait;
  private final long minimumSample;
  private final double significance;
  private final NoWinnerRule noWinner;

  private AbTest(Builder b) {
    this.sampleShare = b.sampleShare;
    this.metric = b.metric;
    this.decisionWait = b.decisionWait;
    this.minimumSample = b.minimumSample;
    this.significance = b.significance;
    this.noWinner = b.noWinner;
  }

  /**
   * Returns a builder with the defaults: 10% sample, read rate, 4 hours' wait, 100 per variant,
   * significance 0.05, keep the control.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the share of the audience in the sample. */
  public double sampleShare() {
    return sampleShare;
  }

  /** Returns the metric compared. */
  public Metric metric() {
    return metric;
  }

  /** Returns how long to wait after the last sample send before deciding. */
  public Duration decisionWait() {
    return decisionWait;
  }

  /** Returns the fewest sent messages per variant for a decision on the data. */
  public long minimumSample() {
    return minimumSample;
  }

  /** Returns the significance level (two-sided). */
  public double significance() {
    return significance;
  }

  /** Returns what to do without a significant winner. */
  public NoWinnerRule noWinner() {
    return noWinner;
  }

  @Override
  public String toString() {
    return "AbTest[sample="
        + sampleShare
        + ", metric="
        + metric
        + ", wait="
        + decisionWait
        + ", minimumSample="
        + minimumSample
        + ", significance="
        + significance
        + ", noWinner="
        + noWinner
        + "]";
  }

  /** Configures an {@link AbTest}. Not thread-safe. */
  public static final class Builder {
    private double sampleShare = 0.10;
    private Metric metric = Metric.READ;
    private Duration decisionWait = Duration.ofHours(4);
    private long minimumSample = 100;
    private double significance = 0.05;
    private NoWinnerRule noWinner = NoWinnerRule.KEEP_CONTROL;

    private Builder() {}

    /**
     * Sets the share of the audience in the sample. Default 0.10.
     *
     * @param share more than 0, at most 1
     * @return this builder
     */
    public Builder sampleShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("sampleShare must be in (0, 1], was " + share);
      }
      this.sampleShare = share;
      return this;
    }

    /**
     * Sets the metric. Default {@link Metric#READ}.
     *
     * @param metric the metric
     * @return this builder
     */
    public Builder metric(Metric metric) {
      this.metric = Objects.requireNonNull(metric, "metric");
      return this;
    }

    /**
     * Sets how long to wait after the last sample send; reads and replies need hours, clicks in
     * template analytics may need a day. Default 4 hours.
     *
     * @param wait zero or more
     * @return this builder
     */
    public Builder decisionWait(Duration wait) {
      if (wait.isNegative()) {
        throw new IllegalArgumentException("decisionWait must not be negative, was " + wait);
      }
      this.decisionWait = wait;
      return this;
    }

    /**
     * Sets the fewest sent messages per variant for a decision on the data; with fewer, the
     * campaign follows the {@link #noWinner(NoWinnerRule) no-winner rule} and says the sample was
     * too small. Default 100.
     *
     * @param min at least 1
     * @return this builder
     */
    public Builder minimumSample(long min) {
      if (min < 1) {
        throw new IllegalArgumentException("minimumSample must be at least 1, was " + min);
      }
      this.minimumSample = min;
      return this;
    }

    /**
     * Sets the significance level of the two-sided test. Default 0.05 (95% confidence).
     *
     * @param alpha in (0, 0.5)
     * @return this builder
     */
    public Builder significance(double alpha) {
      if (!(alpha > 0 && alpha < 0.5)) {
        throw new IllegalArgumentException("significance must be in (0, 0.5), was " + alpha);
      }
      this.significance = alpha;
      return this;
    }

    /**
     * Sets what to do without a significant winner. Default {@link NoWinnerRule#KEEP_CONTROL}.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder noWinner(NoWinnerRule rule) {
      this.noWinner = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Builds the test.
     *
     * @return the test
     */
    public AbTest build() {
      return new AbTest(this);
    }
  }
}
