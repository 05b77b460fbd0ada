package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The charged volume and cost of one bucket of pricing analytics, for one combination of the
 * dimensions asked for. Dimension values are kept as Meta sends them, so new categories or types
 * read fine.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the bucket's start
 * @param end the bucket's end
 * @param country the recipients' country, when broken down by {@link PricingDimension#COUNTRY}
 * @param phoneNumber the business phone number, when broken down by {@link PricingDimension#PHONE}
 * @param pricingCategory such as {@code MARKETING}, when broken down by it
 * @param pricingType such as {@code REGULAR}, when broken down by it
 * @param tier the volume tier, when broken down by it
 * @param volume the number of messages; 0 when absent
 * @param cost the cost in the WABA's currency, exact as Meta wrote it, when sent
 * @param json the data point's JSON as received
 */
public record PricingDataPoint(
    Instant start,
    Instant end,
    Optional<String> country,
    Optional<String> phoneNumber,
    Optional<String> pricingCategory,
    Optional<String> pricingType,
    Optional<String> tier,
    long volume,
    Optional<BigDecimal> cost,
    String json) {
  /** Checks that nothing is null. */
  public PricingDataPoint {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    Objects.requireNonNull(pricingCategory, "pricingCategory");
    Objects.requireNonNull(pricingType, "pricingType");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(json, "json");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
