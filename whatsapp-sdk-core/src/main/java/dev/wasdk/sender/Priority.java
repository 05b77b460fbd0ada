package dev.wasdk.sender;

import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateMessage;

/**
 * How urgent a queued message is. The sender sends higher priorities first, except that messages to
 * one user always keep the order they were submitted in.
 *
 * <p>By default ({@link #of(Message)}) authentication templates are {@link #HIGH}, marketing
 * templates {@link #LOW}, and everything else {@link #NORMAL}, so one-time codes and order updates
 * are not stuck behind a campaign.
 */
public enum Priority {
  /** Sent first: one-time passwords and other codes. */
  HIGH,
  /** Utility templates, replies and other free-form messages. */
  NORMAL,
  /** Marketing templates: sent when nothing more urgent waits. */
  LOW;

  /**
   * Returns the default priority of a message, from its template category.
   *
   * @param message the message
   * @return {@link #HIGH} for authentication, {@link #LOW} for marketing, else {@link #NORMAL}
   */
  public static Priority of(Message message) {
    if (message instanceof TemplateMessage t) {
      switch (t.category()) {
        case AUTHENTICATION:
          return HIGH;
        case MARKETING:
          return LOW;
        default:
          return NORMAL;
      }
    }
    return NORMAL;
  }
}
