package dev.wasdk.sender;

import dev.wasdk.error.WhatsAppException;

/**
 * Thrown by a {@link LimiterStore} that cannot reach its backend, such as a Redis server that is
 * down, or that answered too late. The caller must treat the call as refused: the message it was
 * pacing has not been sent and can be tried again later.
 *
 * <p>A call that timed out may still have taken effect on the backend. That errs on the safe side:
 * a token or a slot may be used up without a send, but none is handed out twice.
 *
 * <p>The message names the store and the cause; it never carries credentials from a connection
 * string.
 */
public final class LimiterUnavailableException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what could not be reached, and why
   */
  public LimiterUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what could not be reached, and why
   * @param cause the underlying failure
   */
  public LimiterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
