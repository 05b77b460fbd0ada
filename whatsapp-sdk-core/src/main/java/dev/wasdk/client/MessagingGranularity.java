package dev.wasdk.client;

/** The bucket size of messaging analytics ({@code analytics.granularity(...)}). */
public enum MessagingGranularity {
  /** Half-hour buckets. */
  HALF_HOUR,
  /** Day buckets. */
  DAY,
  /** Month buckets. */
  MONTH
}
