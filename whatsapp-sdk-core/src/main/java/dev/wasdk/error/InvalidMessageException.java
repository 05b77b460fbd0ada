package dev.wasdk.error;

import java.util.Objects;

/**
 * Thrown when a message breaks a documented WhatsApp rule. It is thrown by {@code build()} and the
 * message factories, before any I/O.
 *
 * <p>It names the JSON path of the offending field as WhatsApp would see it (for example {@code
 * interactive.action.buttons[3].reply.title}), the rule that was broken, and the actual value's
 * size or count. The value itself is never included, as it may hold personal data.
 */
public final class InvalidMessageException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  private final String fieldPath;
  private final String limit;
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param fieldPath the JSON path of the field, such as {@code text.body}
   * @param limit the rule, such as {@code "at most 4096 characters"}
   * @param actual what was found, such as {@code "4097 characters"}
   */
  public InvalidMessageException(String fieldPath, String limit, String actual) {
    super(fieldPath + ": must be " + limit + ", but was " + actual);
    this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /** Returns the JSON path of the offending field, such as {@code text.body}. */
  public String fieldPath() {
    return fieldPath;
  }

  /** Returns the rule that was broken, such as {@code "at most 4096 characters"}. */
  public String limit() {
    return limit;
  }

  /** Returns what was found, such as {@code "4097 characters"}. */
  public String actual() {
    return actual;
  }
}
