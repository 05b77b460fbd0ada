package dev.wasdk.client;

import java.util.List;
import java.util.Objects;

/**
 * What to ask messaging analytics for: a range, a bucket size, and optional phone-number and
 * country filters (empty means all).
 *
 * <pre>{@code
 * MessagingAnalyticsQuery q = MessagingAnalyticsQuery.builder(range, MessagingGranularity.DAY)
 *     .phoneNumbers("16505551234")
 *     .countryCodes("US", "BR")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param range the time range
 * @param granularity the bucket size
 * @param phoneNumbers business phone numbers, digits only with country code; empty for all
 * @param countryCodes recipients' countries, ISO 3166 alpha-2; empty for all
 */
public record MessagingAnalyticsQuery(
    AnalyticsRange range,
    MessagingGranularity granularity,
    List<String> phoneNumbers,
    List<String> countryCodes) {
  /** Checks and copies the values. */
  public MessagingAnalyticsQuery {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(granularity, "granularity");
    phoneNumbers = AnalyticsFields.phoneNumbers(phoneNumbers);
    countryCodes = AnalyticsFields.countryCodes(countryCodes);
  }

  /**
   * Returns a query without filters.
   *
   * @param range the time range
   * @param granularity the bucket size
   * @return the query
   */
  public static MessagingAnalyticsQuery of(AnalyticsRange range, MessagingGranularity granularity) {
    return new MessagingAnalyticsQuery(range, granularity, List.of(), List.of());
  }

  /**
   * Returns a builder.
   *
   * @param range the time range
   * @param granularity the bucket size
   * @return the builder
   */
  public static Builder builder(AnalyticsRange range, MessagingGranularity granularity) {
    return new Builder(range, granularity);
  }

  String fields() {
    return AnalyticsFields.of("analytics", range, granularity.name())
        .strings("phone_numbers", phoneNumbers)
        .strings("country_codes", countryCodes)
        .toString();
  }

  /** Builds a {@link MessagingAnalyticsQuery}. Not thread-safe. */
  public static final class Builder {
    private final AnalyticsRange range;
    private final MessagingGranularity granularity;
    private List<String> phoneNumbers = List.of();
    private List<String> countryCodes = List.of();

    private Builder(AnalyticsRange range, MessagingGranularity granularity) {
      this.range = Objects.requireNonNull(range, "range");
      this.granularity = Objects.requireNonNull(granularity, "granularity");
    }

    /** Limits the data to these business phone numbers, digits only such as {@code 16505551234}. */
    public Builder phoneNumbers(String... phoneNumbers) {
      this.phoneNumbers = List.of(phoneNumbers);
      return this;
    }

    /** Limits the data to recipients in these countries, such as {@code US}. */
    public Builder countryCodes(String... countryCodes) {
      this.countryCodes = List.of(countryCodes);
      return this;
    }

    /** Builds the query, checking every value. */
    public MessagingAnalyticsQuery build() {
      return new MessagingAnalyticsQuery(range, granularity, phoneNumbers, countryCodes);
    }
  }
}
