package dev.wasdk.client;

import java.util.List;
import java.util.Objects;

/**
 * What to ask pricing analytics for: a range, a bucket size, the dimensions to break the data down
 * by, and optional filters (empty means all).
 *
 * <pre>{@code
 * PricingAnalyticsQuery q = PricingAnalyticsQuery.builder(range, PricingGranularity.DAILY)
 *     .dimensions(PricingDimension.PRICING_CATEGORY, PricingDimension.COUNTRY)
 *     .pricingCategories("MARKETING", "UTILITY")
 *     .build();
 * }</pre>
 *
 * <p>Pricing categories and types are passed as Meta names them, so that new values need no SDK
 * release: categories such as {@code AUTHENTICATION}, {@code AUTHENTICATION_INTERNATIONAL}, {@code
 * MARKETING}, {@code MARKETING_LITE}, {@code SERVICE}, {@code UTILITY}; types such as {@code
 * REGULAR}, {@code FREE_CUSTOMER_SERVICE}, {@code FREE_ENTRY_POINT}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param range the time range
 * @param granularity the bucket size
 * @param dimensions what each data point is broken down by; empty for totals per bucket
 * @param phoneNumbers business phone numbers, digits only with country code; empty for all
 * @param countryCodes recipients' countries, ISO 3166 alpha-2; empty for all
 * @param pricingCategories pricing categories; empty for all
 * @param pricingTypes pricing types; empty for all
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/business-management-api/analytics">Analytics</a>
 */
public record PricingAnalyticsQuery(
    AnalyticsRange range,
    PricingGranularity granularity,
    List<PricingDimension> dimensions,
    List<String> phoneNumbers,
    List<String> countryCodes,
    List<String> pricingCategories,
    List<String> pricingTypes) {
  /** Checks and copies the values. */
  public PricingAnalyticsQuery {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(granularity, "granularity");
    dimensions = List.copyOf(dimensions);
    phoneNumbers = AnalyticsFields.phoneNumbers(phoneNumbers);
    countryCodes = AnalyticsFields.countryCodes(countryCodes);
    pricingCategories = AnalyticsFields.names(pricingCategories, "pricingCategories");
    pricingTypes = AnalyticsFields.names(pricingTypes, "pricingTypes");
  }

  /**
   * Returns a query for totals per bucket, without filters or dimensions.
   *
   * @param range the time range
   * @param granularity the bucket size
   * @return the query
   */
  public static PricingAnalyticsQuery of(AnalyticsRange range, PricingGranularity granularity) {
    return builder(range, granularity).build();
  }

  /**
   * Returns a builder.
   *
   * @param range the time range
   * @param granularity the bucket size
   * @return the builder
   */
  public static Builder builder(AnalyticsRange range, PricingGranularity granularity) {
    return new Builder(range, granularity);
  }

  String fields() {
    return AnalyticsFields.of("pricing_analytics", range, granularity.name())
        .strings("phone_numbers", phoneNumbers)
        .strings("country_codes", countryCodes)
        .strings("pricing_categories", pricingCategories)
        .strings("pricing_types", pricingTypes)
        .strings("dimensions", AnalyticsFields.enums(dimensions, "dimensions"))
        .toString();
  }

  /** Builds a {@link PricingAnalyticsQuery}. Not thread-safe. */
  public static final class Builder {
    private final AnalyticsRange range;
    private final PricingGranularity granularity;
    private List<PricingDimension> dimensions = List.of();
    private List<String> phoneNumbers = List.of();
    private List<String> countryCodes = List.of();
    private List<String> pricingCategories = List.of();
    private List<String> pricingTypes = List.of();

    private Builder(AnalyticsRange range, PricingGranularity granularity) {
      this.range = Objects.requireNonNull(range, "range");
      this.granularity = Objects.requireNonNull(granularity, "granularity");
    }

    /** Breaks each bucket down by these dimensions. */
    public Builder dimensions(PricingDimension... dimensions) {
      this.dimensions = List.of(dimensions);
      return this;
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

    /** Limits the data to these pricing categories, such as {@code MARKETING}. */
    public Builder pricingCategories(String... pricingCategories) {
      this.pricingCategories = List.of(pricingCategories);
      return this;
    }

    /** Limits the data to these pricing types, such as {@code REGULAR}. */
    public Builder pricingTypes(String... pricingTypes) {
      this.pricingTypes = List.of(pricingTypes);
      return this;
    }

    /** Builds the query, checking every value. */
    public PricingAnalyticsQuery build() {
      return new PricingAnalyticsQuery(
          range,
          granularity,
          dimensions,
          phoneNumbers,
          countryCodes,
          pricingCategories,
          pricingTypes);
    }
  }
}
