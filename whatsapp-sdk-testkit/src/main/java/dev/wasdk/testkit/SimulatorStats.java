package dev.wasdk.testkit;

import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of the simulator's counters since it started or was last {@linkplain
 * WhatsAppSimulator#reset() reset}.
 *
 * @param accepted messages answered with 200 and a message id (including those that then fail
 *     delivery)
 * @param rejectedByCode requests answered with an error, by Graph error code
 * @param failedByCode accepted messages reported as {@code failed}, by error code
 * @param webhooksDelivered webhook posts the receiver acknowledged with 2xx
 * @param webhooksFailed webhook posts that failed after every retry, or were dropped
 */
public record SimulatorStats(
    long accepted,
    Map<Integer, Long> rejectedByCode,
    Map<Integer, Long> failedByCode,
    long webhooksDelivered,
    long webhooksFailed) {
  /** Copies the maps. */
  public SimulatorStats {
    rejectedByCode = Map.copyOf(Objects.requireNonNull(rejectedByCode, "rejectedByCode"));
    failedByCode = Map.copyOf(Objects.requireNonNull(failedByCode, "failedByCode"));
  }

  /** Returns how many requests were answered with an error of any code. */
  public long rejected() {
    return rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns how many requests were answered with one error code.
   *
   * @param code the Graph error code
   * @return the count
   */
  public long rejected(int code) {
    return rejectedByCode.getOrDefault(code, 0L);
  }

  /**
   * Returns how many accepted messages failed delivery with one error code.
   *
   * @param code the error code
   * @return the count
   */
  public long failed(int code) {
    return failedByCode.getOrDefault(code, 0L);
  }
}
