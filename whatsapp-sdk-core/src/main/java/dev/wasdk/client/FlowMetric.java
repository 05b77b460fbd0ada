package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-endpoint metric of a Flow over time.
 *
 * @param flowId the Flow's id
 * @param name the metric, as Meta named it
 * @param granularity the grouping, as Meta named it
 * @param dataPoints the points, in Meta's order
 * @param rawJson the answer as received
 */
public record FlowMetric(
    String flowId, String name, String granularity, List<DataPoint> dataPoints, String rawJson) {
  /** Copies the list. */
  public FlowMetric {
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(granularity, "granularity");
    dataPoints = List.copyOf(dataPoints);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * One point in time.
   *
   * @param timestamp the start of its period, when readable
   * @param values the values by key, in Meta's order (such as {@code succeeded}, {@code failed})
   */
  public record DataPoint(Optional<Instant> timestamp, Map<String, BigDecimal> values) {
    /** Copies the map. */
    public DataPoint {
      Objects.requireNonNull(timestamp, "timestamp");
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
