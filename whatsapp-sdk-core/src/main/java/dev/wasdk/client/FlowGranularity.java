package dev.wasdk.client;

/** How Flow metrics are grouped in time. */
public enum FlowGranularity {
  /** One data point per day. */
  DAY,
  /** One data point per hour. */
  HOUR,
  /** One data point for the Flow's whole life. */
  LIFETIME
}
