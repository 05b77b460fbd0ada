package dev.wasdk.client;

import java.time.Instant;
import java.util.Objects;

/**
 * The messages sent and delivered in one bucket of messaging analytics.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the bucket's start
 * @param end the bucket's end
 * @param sent messages sent; 0 when absent
 * @param delivered messages delivered; 0 when absent
 */
public record MessagingDataPoint(Instant start, Instant end, long sent, long delivered) {
  /** Checks that nothing is null. */
  public MessagingDataPoint {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
