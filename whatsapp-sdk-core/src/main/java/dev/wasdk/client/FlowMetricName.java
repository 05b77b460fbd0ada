package dev.wasdk.client;

/**
 * The data-endpoint metrics Meta keeps per Flow.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/flows/reference/metrics_api">Flows
 *     metrics</a>
 */
public enum FlowMetricName {
  /** Requests sent to the endpoint (key {@code value}). */
  ENDPOINT_REQUEST_COUNT,
  /** Failed requests, keyed by error kind such as {@code timeout_error}. */
  ENDPOINT_REQUEST_ERROR,
  /** The share of failed requests (key {@code value}). */
  ENDPOINT_REQUEST_ERROR_RATE,
  /** Requests per latency bucket, keyed by whole seconds. */
  ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL,
  /** Availability checks, keyed {@code succeeded} and {@code failed}. */
  ENDPOINT_AVAILABILITY
}
