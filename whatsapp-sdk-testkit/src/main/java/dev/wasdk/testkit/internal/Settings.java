package dev.wasdk.testkit.internal;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.testkit.FailureReporting;
import dev.wasdk.testkit.PlatformRule;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The simulator's configuration, fixed at start. Values that can change while it runs (tier,
 * throughput, quality, callback URL, token) start from here and live in the simulator.
 *
 * @param clock the clock for every window, limit and timestamp
 * @param accessToken the bearer token accepted at start
 * @param appSecret the secret webhooks are signed with
 * @param wabaId the WhatsApp Business Account id
 * @param phoneNumbers the business phone numbers; the first is the default
 * @param throughputPerSecond messages per second per phone number
 * @param pairBurst the pair-rate bucket's capacity
 * @param pairRefill the time one pair-rate token takes to come back
 * @param tier the portfolio's messaging limit
 * @param disabled the platform rules that are off
 * @param policyFailures how policy failures are reported
 * @param messagingLimitCode the error code for a reached messaging limit
 * @param webhookUrl the callback URL, or null
 * @param sentDelay the delay of the {@code sent} status after acceptance
 * @param deliveredDelay the delay of the {@code delivered} status after acceptance
 * @param readDelay the delay of the {@code read} status after acceptance
 * @param readReceipts whether {@code read} statuses are posted
 * @param duplicateRate the probability that a delivered webhook is posted a second time
 * @param seed the seed for random choices, or null for a random seed
 * @param webhookAttempts how many times a webhook is posted before it counts as failed
 * @param webhookBackoff the pause before the second attempt, doubled for each later one
 * @param recordLimit how many sent messages, requests and deliveries are kept
 */
public record Settings(
    Clock clock,
    String accessToken,
    String appSecret,
    String wabaId,
    List<PhoneNumber> phoneNumbers,
    int throughputPerSecond,
    int pairBurst,
    Duration pairRefill,
    MessagingTier tier,
    Set<PlatformRule> disabled,
    FailureReporting policyFailures,
    int messagingLimitCode,
    URI webhookUrl,
    Duration sentDelay,
    Duration deliveredDelay,
    Duration readDelay,
    boolean readReceipts,
    double duplicateRate,
    Long seed,
    int webhookAttempts,
    Duration webhookBackoff,
    int recordLimit) {

  /**
   * A business phone number.
   *
   * @param id the phone number id
   * @param displayNumber the number's digits with country code, as webhooks show it
   * @param verifiedName the display name
   */
  public record PhoneNumber(String id, String displayNumber, String verifiedName) {}

  /** Copies the collections. */
  public Settings {
    phoneNumbers = List.copyOf(phoneNumbers);
    disabled = Set.copyOf(disabled);
  }

  /** Returns a summary without the token and the app secret. */
  @Override
  public String toString() {
    return "Settings[wabaId="
        + wabaId
        + ", phoneNumbers="
        + phoneNumbers.size()
        + ", throughputPerSecond="
        + throughputPerSecond
        + ", tier="
        + tier
        + ", disabled="
        + disabled
        + ", policyFailures="
        + policyFailures
        + ", webhookUrl="
        + webhookUrl
        + "]";
  }

  /** Returns whether a rule is enforced. */
  public boolean enforces(PlatformRule rule) {
    return !disabled.contains(rule);
  }
}
