package dev.wasdk.campaigns;

import dev.wasdk.sender.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How far the messages of one campaign variant got: submitted, refused before the network, sent,
 * delivered, read, replied and clicked; failures by error code; and charged messages by pricing
 * category.
 *
 * <p>Each count is of messages, not of events: a message that was read counts as delivered too,
 * even when Meta sent the {@code read} status without a {@code delivered} one, and a status Meta
 * sent twice counts once.
 *
 * <pre>{@code
 * Funnel f = tracker.funnel("spring-sale", "B");
 * System.out.printf("read %.1f%% of %d sent%n", 100 * f.rate(Metric.READ), f.sent());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param submitted messages handed to the sender
 * @param refused messages the sender did not send or Meta refused at once, by reason
 * @param sent messages Meta accepted (a {@code wamid})
 * @param delivered messages delivered or read
 * @param read messages read
 * @param replied messages a user answered
 * @param clicked URL-button clicks, from template analytics
 * @param failed messages a status reported as failed, by error code
 * @param charged messages charged, by pricing category ({@code marketing}, {@code utility}, ...)
 */
public record Funnel(
    long submitted,
    Map<RejectReason, Long> refused,
    long sent,
    long delivered,
    long read,
    long replied,
    long clicked,
    Map<Integer, Long> failed,
    Map<String, Long> charged) {

  /** An empty funnel. */
  public static final Funnel EMPTY = new Funnel(0, Map.of(), 0, 0, 0, 0, 0, Map.of(), Map.of());

  /** Checks the arguments and copies the maps, sorted. */
  public Funnel {
    refused =
        refused.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new EnumMap<>(refused));
    failed = java.util.Collections.unmodifiableMap(new TreeMap<>(failed));
    charged = java.util.Collections.unmodifiableMap(new TreeMap<>(charged));
    if (submitted < 0 || sent < 0 || delivered < 0 || read < 0 || replied < 0 || clicked < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Returns the number of refused messages, all reasons together. */
  public long refusedTotal() {
    return refused.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns the number of failed messages, all codes together. */
  public long failedTotal() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the number of messages that reached a metric.
   *
   * @param metric the metric
   * @return its count
   */
  public long count(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    return switch (metric) {
      case DELIVERED -> delivered;
      case READ -> read;
      case REPLIED -> replied;
      case CLICKED -> clicked;
    };
  }

  /**
   * Returns a metric's count over the sent messages; 0 when nothing was sent. Clicks are capped at
   * the sent count, since the test treats them as one per message.
   *
   * @param metric the metric
   * @return the rate, from 0 to 1
   */
  public double rate(Metric metric) {
    return sent == 0 ? 0 : Math.min(count(metric), sent) / (double) sent;
  }

  /**
   * Returns the sum of two funnels, such as two variants or two instances' counts.
   *
   * @param other the other funnel
   * @return the sum
   */
  public Funnel plus(Funnel other) {
    Map<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
    r.putAll(refused);
    other.refused.forEach((k, v) -> r.merge(k, v, Long::sum));
    Map<Integer, Long> f = new TreeMap<>(failed);
    other.failed.forEach((k, v) -> f.merge(k, v, Long::sum));
    Map<String, Long> c = new TreeMap<>(charged);
    other.charged.forEach((k, v) -> c.merge(k, v, Long::sum));
    return new Funnel(
        submitted + other.submitted,
        r,
        sent + other.sent,
        delivered + other.delivered,
        read + other.read,
        replied + other.replied,
        clicked + other.clicked,
        f,
        c);
  }
}
