package dev.wasdk.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated users who get one template behave: the share whose delivery fails, by error
 * code, the share who read it, and when, and the shares who reply, tap a quick-reply button or
 * click the URL button. Register it with {@link WhatsAppSimulator#audience(String,
 * AudienceProfile)}. Every choice is a function of the seed, the template and the recipient, so a
 * test sees the same users fail and read on every run.
 *
 * <pre>{@code
 * sim.audience("spring_b", AudienceProfile.builder()
 *     .seed(7)
 *     .failureRate(131026, 0.02)      // 2% not on WhatsApp
 *     .readRate(0.40)                 // 40% of the delivered read it
 *     .readDelay(Duration.ofSeconds(1))
 *     .replyRate(0.05, "Interested")  // 5% answer with a text
 *     .buttonTapRate(0.10, "more", "Tell me more")
 *     .urlClickRate(0.08)             // served in template analytics
 *     .build());
 * }</pre>
 *
 * <p>A failed message gets a {@code failed} status; the others get {@code sent} and {@code
 * delivered} (with pricing), and a {@code read} status for the readers when read receipts are on.
 * Replies and button taps follow the statuses as inbound messages whose {@code context} is the
 * template message's id, each drawn among the delivered messages, independently of reading.
 * Instances are immutable and thread-safe.
 */
public final class AudienceProfile {
  private final long seed;
  private final Map<Integer, Double> failureRates;
  private final double readRate;
  private final Duration readDelay;
  private final double replyRate;
  private final String replyText;
  private final double buttonTapRate;
  private final String buttonPayload;
  private final String buttonText;
  private final double urlClickRate;

  private AudienceProfile(Builder b) {
    this.seed = b.seed;
    this.failureRates = Map.copyOf(b.failureRates);
    this.readRate = b.readRate;
    this.readDelay = b.readDelay;
    this.replyRate = b.replyRate;
    this.replyText = b.replyText;
    this.buttonTapRate = b.buttonTapRate;
    this.buttonPayload = b.buttonPayload;
    this.buttonText = b.buttonText;
    this.urlClickRate = b.urlClickRate;
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

  /** Returns the share of delivered messages answered with a text reply. */
  public double replyRate() {
    return replyRate;
  }

  /** Returns the text of the replies. */
  public String replyText() {
    return replyText;
  }

  /** Returns the share of delivered messages answered with a quick-reply button tap. */
  public double buttonTapRate() {
    return buttonTapRate;
  }

  /** Returns the payload of the tapped quick-reply button. */
  public String buttonPayload() {
    return buttonPayload;
  }

  /** Returns the text of the tapped quick-reply button. */
  public String buttonText() {
    return buttonText;
  }

  /** Returns the share of delivered messages whose URL button is clicked. */
  public double urlClickRate() {
    return urlClickRate;
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
        + ", replyRate="
        + replyRate
        + ", buttonTapRate="
        + buttonTapRate
        + ", urlClickRate="
        + urlClickRate
        + "]";
  }

  /** Configures an {@link AudienceProfile}. Not thread-safe. */
  public static final class Builder {
    private long seed;
    private final Map<Integer, Double> failureRates = new LinkedHashMap<>();
    private double readRate = 1;
    private Duration readDelay;
    private double replyRate;
    private String replyText = "Interested";
    private double buttonTapRate;
    private String buttonPayload = "more";
    private String buttonText = "Tell me more";
    private double urlClickRate;

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
     * Makes a share of the delivered messages answered by a text message whose {@code context}
     * names the template message, like a user swiping to reply. A user either replies or taps a
     * button (or neither), so the two shares add up to at most 1. Default 0.
     *
     * @param share from 0 to 1
     * @param text the reply's text
     * @return this builder
     */
    public Builder replyRate(double share, String text) {
      checkShare(share);
      if (Objects.requireNonNull(text, "text").isBlank()) {
        throw new IllegalArgumentException("text must not be blank");
      }
      checkReactions(share, buttonTapRate);
      this.replyRate = share;
      this.replyText = text;
      return this;
    }

    /**
     * Makes a share of the delivered messages answered by a tap on one of the template's
     * quick-reply buttons: an inbound {@code button} message whose {@code context} names the
     * template message. Default 0.
     *
     * @param share from 0 to 1; with the reply share, at most 1
     * @param payload the button's payload
     * @param text the button's text
     * @return this builder
     */
    public Builder buttonTapRate(double share, String payload, String text) {
      checkShare(share);
      if (Objects.requireNonNull(payload, "payload").isBlank()
          || Objects.requireNonNull(text, "text").isBlank()) {
        throw new IllegalArgumentException("payload and text must not be blank");
      }
      checkReactions(replyRate, share);
      this.buttonTapRate = share;
      this.buttonPayload = payload;
      this.buttonText = text;
      return this;
    }

    /**
     * Makes a share of the delivered messages have their URL button clicked. Meta reports these
     * clicks only in template analytics, per template and day ({@code clicked} of type {@code
     * url_button}); the simulator serves them there, counted on the day of the send. Default 0.
     *
     * @param share from 0 to 1
     * @return this builder
     */
    public Builder urlClickRate(double share) {
      checkShare(share);
      this.urlClickRate = share;
      return this;
    }

    private static void checkShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be from 0 to 1, was " + share);
      }
    }

    private static void checkReactions(double reply, double tap) {
      if (reply + tap > 1 + 1e-9) {
        throw new IllegalArgumentException(
            "reply and button-tap shares add up to more than 1: " + (reply + tap));
      }
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
