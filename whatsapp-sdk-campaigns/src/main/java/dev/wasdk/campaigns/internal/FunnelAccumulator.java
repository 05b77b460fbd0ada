package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.Funnel;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.sender.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Adds recipients' rows (or groups of equal rows) up into a {@link Funnel}. Not thread-safe. */
public final class FunnelAccumulator {
  private long submitted;
  private final Map<RejectReason, Long> refused = new EnumMap<>(RejectReason.class);
  private long sent;
  private long delivered;
  private long read;
  private long replied;
  private final Map<Integer, Long> failed = new TreeMap<>();
  private final Map<String, Long> charged = new TreeMap<>();

  /**
   * Adds {@code count} rows that share these values.
   *
   * @param count how many rows
   * @param state their state
   * @param hasWamid whether they have a message id
   * @param reason the refusal reason, or null
   * @param rank the status rank reached
   * @param errorCode the failure code, for failed rows
   * @param isReplied whether the user answered
   * @param pricingCategory the charged category, or null
   */
  public void add(
      long count,
      RecipientState state,
      boolean hasWamid,
      RejectReason reason,
      int rank,
      int errorCode,
      boolean isReplied,
      String pricingCategory) {
    if (state.isSubmitted()) {
      submitted += count;
    }
    if (state == RecipientState.REFUSED && reason != null) {
      refused.merge(reason, count, Long::sum);
    }
    if (hasWamid) {
      sent += count;
    }
    if (rank >= 2) {
      delivered += count;
    }
    if (rank >= 3) {
      read += count;
    }
    if (isReplied) {
      replied += count;
    }
    if (state == RecipientState.FAILED) {
      failed.merge(errorCode, count, Long::sum);
    }
    if (pricingCategory != null) {
      charged.merge(pricingCategory, count, Long::sum);
    }
  }

  /**
   * Returns the funnel.
   *
   * @param clicked the clicks recorded for the variant
   * @return the funnel
   */
  public Funnel funnel(long clicked) {
    return new Funnel(submitted, refused, sent, delivered, read, replied, clicked, failed, charged);
  }
}
