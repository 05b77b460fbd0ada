package dev.wasdk.client;

import java.util.List;
import java.util.Objects;

/**
 * What to ask template analytics for: a range, 1 to {@value #MAX_TEMPLATES} template ids, and the
 * metrics (empty means all). Buckets are always days ({@code granularity(DAILY)}).
 *
 * <pre>{@code
 * TemplateAnalyticsQuery q = TemplateAnalyticsQuery.builder(range, "1924084211297547")
 *     .metrics(TemplateMetric.SENT, TemplateMetric.READ, TemplateMetric.CLICKED)
 *     .build();
 * }</pre>
 *
 * <p>Meta answers only for WABAs with template insights turned on, and only 90 days back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param range the time range
 * @param templateIds the template ids, 1 to 10
 * @param metrics the metrics; empty for all
 */
public record TemplateAnalyticsQuery(
    AnalyticsRange range, List<String> templateIds, List<TemplateMetric> metrics) {
  /** The most template ids one query may name. */
  public static final int MAX_TEMPLATES = 10;

  /** Checks and copies the values. */
  public TemplateAnalyticsQuery {
    Objects.requireNonNull(range, "range");
    templateIds = AnalyticsFields.ids(templateIds, "templateIds");
    if (templateIds.isEmpty() || templateIds.size() > MAX_TEMPLATES) {
      throw new IllegalArgumentException(
          "templateIds must hold 1 to "
              + MAX_TEMPLATES
              + " distinct ids, but held "
              + templateIds.size());
    }
    metrics = List.copyOf(metrics);
  }

  /**
   * Returns a builder.
   *
   * @param range the time range
   * @param templateIds the template ids, 1 to 10
   * @return the builder
   */
  public static Builder builder(AnalyticsRange range, String... templateIds) {
    return new Builder(range, List.of(templateIds));
  }

  String fields() {
    return AnalyticsFields.of("template_analytics", range, "DAILY")
        .numbers("template_ids", templateIds)
        .strings("metric_types", AnalyticsFields.enums(metrics, "metrics"))
        .toString();
  }

  /** Builds a {@link TemplateAnalyticsQuery}. Not thread-safe. */
  public static final class Builder {
    private final AnalyticsRange range;
    private final List<String> templateIds;
    private List<TemplateMetric> metrics = List.of();

    private Builder(AnalyticsRange range, List<String> templateIds) {
      this.range = Objects.requireNonNull(range, "range");
      this.templateIds = templateIds;
    }

    /** Asks only for these metrics. */
    public Builder metrics(TemplateMetric... metrics) {
      this.metrics = List.of(metrics);
      return this;
    }

    /** Builds the query, checking every value. */
    public TemplateAnalyticsQuery build() {
      return new TemplateAnalyticsQuery(range, templateIds, metrics);
    }
  }
}
