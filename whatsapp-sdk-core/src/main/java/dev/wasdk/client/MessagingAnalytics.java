package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Messaging analytics of a WABA: messages sent and delivered per bucket. When no message was sent
 * in the range, Meta leaves the field out and every list is empty.
 *
 * <p>Immutable and thread-safe.
 *
 * @param granularity the bucket size as Meta echoed it, such as {@code DAY}; kept raw
 * @param phoneNumbers the phone numbers the data covers, as Meta echoed them
 * @param countryCodes the countries the data covers, as Meta echoed them
 * @param dataPoints the buckets, in Meta's order
 * @param json the {@code analytics} JSON as received, or {@code {}}
 */
public record MessagingAnalytics(
    Optional<String> granularity,
    List<String> phoneNumbers,
    List<String> countryCodes,
    List<MessagingDataPoint> dataPoints,
    String json) {
  /** Copies the lists and checks that nothing is null. */
  public MessagingAnalytics {
    Objects.requireNonNull(granularity, "granularity");
    phoneNumbers = List.copyOf(phoneNumbers);
    countryCodes = List.copyOf(countryCodes);
    dataPoints = List.copyOf(dataPoints);
    Objects.requireNonNull(json, "json");
  }

  /** Returns the messages sent over all buckets. */
  public long totalSent() {
    return dataPoints.stream().mapToLong(MessagingDataPoint::sent).sum();
  }

  /** Returns the messages delivered over all buckets. */
  public long totalDelivered() {
    return dataPoints.stream().mapToLong(MessagingDataPoint::delivered).sum();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
