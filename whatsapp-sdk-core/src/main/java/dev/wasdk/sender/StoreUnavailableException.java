package dev.wasdk.sender;

import dev.wasdk.error.WhatsAppException;

/**
 * Thrown by a {@link ConsentStore}, {@link ServiceWindowStore} or {@link RecipientIdStore} that
 * cannot reach its backend in time, such as a Redis or a database that is down, unreachable or
 * slower than the store's time budget. The caller treats the call as failed: nothing was read, and
 * a write may or may not have taken effect.
 *
 * <p>The message names the store and the cause; it never carries credentials or keys.
 */
public final class StoreUnavailableException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what could not be reached, and why
   */
  public StoreUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what could not be reached, and why
   * @param cause the underlying failure
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
