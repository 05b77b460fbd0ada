package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;

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
    return OpenEnums.parse(ReviewDecision.class, value, UNKNOWN);
  }
}
