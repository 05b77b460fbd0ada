package dev.wasdk.client;

/**
 * A dimension that pricing analytics break data points down by ({@code
 * pricing_analytics.dimensions([...])}). A data point carries a value only for the dimensions asked
 * for.
 */
public enum PricingDimension {
  /** The recipient's country ({@link PricingDataPoint#country()}). */
  COUNTRY,
  /** The business phone number ({@link PricingDataPoint#phoneNumber()}). */
  PHONE,
  /**
   * The pricing category, such as {@code MARKETING} ({@link PricingDataPoint#pricingCategory()}).
   */
  PRICING_CATEGORY,
  /** The pricing type, such as {@code REGULAR} ({@link PricingDataPoint#pricingType()}). */
  PRICING_TYPE,
  /** The volume tier ({@link PricingDataPoint#tier()}). */
  TIER
}
