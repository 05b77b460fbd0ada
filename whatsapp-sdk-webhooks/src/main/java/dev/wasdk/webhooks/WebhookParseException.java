package dev.wasdk.webhooks;

import dev.wasdk.error.WhatsAppException;

/**
 * Thrown when a webhook body is not a well-formed WhatsApp webhook payload. It is the only
 * exception the parser throws for bad input.
 */
public final class WebhookParseException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the body; never the body itself
   * @param cause the underlying failure, may be null
   */
  public WebhookParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
