package dev.wasdk.webhooks.event;

import java.util.Locale;

/**
 * The outcome of a review by Meta, in {@link PhoneNumberNameChanged} and {@link
 * AccountReviewUpdated}. Open: values this version does not know map to {@link #UNKNOWN}, and the
 * event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum ReviewDecision {
  /** Approved. */
  APPROVED,
  /** Rejected. */
  REJECTED,
  /** Still under review. */
  PENDING,
  /** Deferred. */
  DEFERRED,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the decision for Meta's value; {@link #UNKNOWN} for anything else, including null.
   *
   * @param value the raw value, may be null
   * @return the decision; never null
   */
  public static ReviewDecision of(String value) {
    if (value == null || value.isEmpty()) {
      return UNKNOWN;
    }
    String v = value.toUpperCase(Locale.ROOT);
    for (ReviewDecision d : values()) {
      if (d != UNKNOWN && d.name().equals(v)) {
        return d;
      }
    }
    return UNKNOWN;
  }
}
