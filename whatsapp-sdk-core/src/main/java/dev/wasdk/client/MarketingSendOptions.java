package dev.wasdk.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Describes the options of one send through the Marketing Messages API ({@code POST
 * /{phone-number-id}/marketing_messages}): what Meta does when the business is not onboarded, and
 * whether the message's activity is shared with Meta. Both are optional; Meta's defaults apply to
 * what is left out.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * MarketingSendOptions strict =
 *     MarketingSendOptions.defaults().productPolicy(MarketingSendOptions.ProductPolicy.STRICT);
 * }</pre>
 *
 * @param productPolicy {@code product_policy}, or empty for Meta's default
 * @param messageActivitySharing {@code message_activity_sharing}, or empty for the account's
 *     default
 */
public record MarketingSendOptions(
    Optional<ProductPolicy> productPolicy, Optional<Boolean> messageActivitySharing) {

  /** Checks the arguments. */
  public MarketingSendOptions {
    Objects.requireNonNull(productPolicy, "productPolicy");
    Objects.requireNonNull(messageActivitySharing, "messageActivitySharing");
  }

  /**
   * Returns options that leave both fields out.
   *
   * @return the options
   */
  public static MarketingSendOptions defaults() {
    return new MarketingSendOptions(Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy with {@code product_policy} set.
   *
   * @param policy the policy
   * @return the new options
   */
  public MarketingSendOptions productPolicy(ProductPolicy policy) {
    return new MarketingSendOptions(
        Optional.of(Objects.requireNonNull(policy, "policy")), messageActivitySharing);
  }

  /**
   * Returns a copy with {@code message_activity_sharing} set, overriding the account's default for
   * this message.
   *
   * @param share whether Meta may use the message's activity (such as reads) to optimize delivery
   * @return the new options
   */
  public MarketingSendOptions messageActivitySharing(boolean share) {
    return new MarketingSendOptions(productPolicy, Optional.of(share));
  }

  @Override
  public String toString() {
    return "MarketingSendOptions[productPolicy="
        + productPolicy.map(Enum::name).orElse("default")
        + ", messageActivitySharing="
        + messageActivitySharing.map(String::valueOf).orElse("default")
        + "]";
  }

  /** Lists what Meta does with a message when the business has not met the onboarding rules. */
  public enum ProductPolicy {
    /** The message goes out through the Cloud API instead ({@code CLOUD_API_FALLBACK}). */
    CLOUD_API_FALLBACK,
    /** The message is refused; it never falls back to the Cloud API ({@code STRICT}). */
    STRICT
  }
}
