package dev.wasdk.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Pricing analytics of a WABA: charged volume and cost per bucket and dimension. When nothing was
 * charged in the range, the list is empty.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dataPoints the data points of every group Meta returned, in Meta's order
 * @param json the {@code pricing_analytics} JSON as received, or {@code {}}
 */
public record PricingAnalytics(List<PricingDataPoint> dataPoints, String json) {
  /** Copies the list and checks that nothing is null. */
  public PricingAnalytics {
    dataPoints = List.copyOf(dataPoints);
    Objects.requireNonNull(json, "json");
  }

  /** Returns the cost over all data points; data points without a cost count as zero. */
  public BigDecimal totalCost() {
    return dataPoints.stream()
        .map(p -> p.cost().orElse(BigDecimal.ZERO))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Returns the volume over all data points. */
  public long totalVolume() {
    return dataPoints.stream().mapToLong(PricingDataPoint::volume).sum();
  }
}
