package dev.wasdk.webhooks.event;

import java.util.Locale;

/**
 * The status in a {@link TemplateStatusChanged}. Open: values this version does not know map to
 * {@link #UNKNOWN}, and the event keeps the raw value.
 *
 * <p>Immutable and thread-safe.
 */
public enum TemplateStatus {
  /** Approved; the template can be sent. */
  APPROVED,
  /** Archived. */
  ARCHIVED,
  /** Deleted. */
  DELETED,
  /** Disabled, as after repeated pauses; create a new template. */
  DISABLED,
  /** Flagged for low quality; it will be disabled unless quality improves. */
  FLAGGED,
  /** Under appeal. */
  IN_APPEAL,
  /** The account reached its template limit. */
  LIMIT_EXCEEDED,
  /** Locked: it can no longer be edited. */
  LOCKED,
  /** Paused for low quality; sends fail with 132015 until it is unpaused. */
  PAUSED,
  /** Under review. */
  PENDING,
  /** Reinstated after an appeal or pause. */
  REINSTATED,
  /** Scheduled for deletion. */
  PENDING_DELETION,
  /** Rejected in review. */
  REJECTED,
  /** A value this version does not know. */
  UNKNOWN;

  /**
   * Returns the status for Meta's value, such as {@code APPROVED}; {@link #UNKNOWN} for anything
   * else, including null.
   *
   * @param value the raw value, may be null
   * @return the status; never null
   */
  public static TemplateStatus of(String value) {
    if (value == null || value.isEmpty()) {
      return UNKNOWN;
    }
    String v = value.toUpperCase(Locale.ROOT);
    for (TemplateStatus s : values()) {
      if (s != UNKNOWN && s.name().equals(v)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
