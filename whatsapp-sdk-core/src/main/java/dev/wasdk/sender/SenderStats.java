package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.internal.text.Values;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A snapshot of a {@link MessageSender}: its queue, its counters since it was built, and its limits
 * now.
 *
 * @param queued messages waiting to be sent
 * @param inFlight requests sent and not yet answered
 * @param sent messages Meta accepted
 * @param unknown messages whose request may have reached Meta
 * @param deferred messages whose deadline passed
 * @param cancelled messages cancelled, or not sent before close
 * @param rejected rejected messages by reason; reasons with none are absent
 * @param throttled 130429 answers received (each message so refused was queued again)
 * @param pairBackoffs 131056 answers received (each backed off that user only)
 * @param throughputPerSecond the configured throughput
 * @param currentThroughputPerSecond the throughput in use now: lower than the configured one for a
 *     while after a 130429
 * @param tier the messaging-limit tier in use
 * @param tierUsed unique users counted in the rolling 24 hours, when the store could tell
 */
public record SenderStats(
    long queued,
    long inFlight,
    long sent,
    long unknown,
    long deferred,
    long cancelled,
    Map<RejectReason, Long> rejected,
    long throttled,
    long pairBackoffs,
    int throughputPerSecond,
    double currentThroughputPerSecond,
    MessagingTier tier,
    OptionalLong tierUsed) {

  /** Checks the arguments and copies the map. */
  public SenderStats {
    rejected = Map.copyOf(rejected);
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(tierUsed, "tierUsed");
  }

  /** Returns the number of rejected messages, all reasons together. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
