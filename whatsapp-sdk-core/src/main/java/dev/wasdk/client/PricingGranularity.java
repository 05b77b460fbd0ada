package dev.wasdk.client;

/**
 * The bucket size of pricing analytics ({@code pricing_analytics.granularity(...)}). Note that Meta
 * spells these differently from {@link MessagingGranularity}.
 */
public enum PricingGranularity {
  /** Half-hour buckets. */
  HALF_HOUR,
  /** Day buckets. */
  DAILY,
  /** Month buckets. */
  MONTHLY
}
