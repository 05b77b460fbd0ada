package dev.wasdk.client;

/** A metric that template analytics report ({@code template_analytics.metric_types([...])}). */
public enum TemplateMetric {
  /** Messages sent. */
  SENT,
  /** Messages delivered. */
  DELIVERED,
  /** Messages read. */
  READ,
  /** Button clicks, per button. */
  CLICKED,
  /** Amounts spent and costs per delivery and click. */
  COST
}
