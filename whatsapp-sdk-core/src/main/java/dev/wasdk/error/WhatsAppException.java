package dev.wasdk.error;

/**
 * The root of every exception wasdk throws. It is unchecked.
 *
 * <p>Messages say what failed and how to fix it. They never carry access tokens, app secrets or
 * full phone numbers.
 */
public class WhatsAppException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed and, where it helps, how to fix it
   */
  public WhatsAppException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed and, where it helps, how to fix it
   * @param cause the underlying failure
   */
  public WhatsAppException(String message, Throwable cause) {
    super(message, cause);
  }
}
