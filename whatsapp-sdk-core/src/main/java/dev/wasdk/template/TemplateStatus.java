package dev.wasdk.template;

import dev.wasdk.internal.text.OpenEnums;

/**
 * A template's review and lifecycle status, as read from the templates API and from {@code
 * message_template_status_update} webhooks. Only {@link #APPROVED} templates can be sent. Open:
 * values this version does not know map to {@link #UNKNOWN}.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates">Message
 *     templates</a>
 */
public enum TemplateStatus {
  /** Approved; can be sent. */
  APPROVED,
  /** Waiting for review. */
  PENDING,
  /** Rejected at review; may be edited and resubmitted. */
  REJECTED,
  /** Paused for low quality (3 h the first time, 6 h the second); see unpause. */
  PAUSED,
  /** Disabled after repeated low quality. */
  DISABLED,
  /** Under appeal after a rejection. */
  IN_APPEAL,
  /** Deletion in progress. */
  PENDING_DELETION,
  /** Deleted. */
  DELETED,
  /** Over the account's template limit. */
  LIMIT_EXCEEDED,
  /** Archived. */
  ARCHIVED,
  /** Locked against edits. */
  LOCKED,
  /** Flagged for quality; will be disabled unless quality improves. */
  FLAGGED,
  /** Reinstated after being flagged or paused. */
  REINSTATED,
  /** A status this version does not know, or none. */
  UNKNOWN;

  /**
   * Returns the status Meta names, trimmed and in any letter case; {@link #UNKNOWN} for null, empty
   * text or a new value.
   *
   * @param value such as {@code APPROVED}
   * @return the status, never null
   */
  public static TemplateStatus of(String value) {
    return OpenEnums.parse(TemplateStatus.class, value, UNKNOWN);
  }
}
