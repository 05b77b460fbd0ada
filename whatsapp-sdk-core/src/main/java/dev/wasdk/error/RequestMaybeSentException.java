package dev.wasdk.error;

/**
 * Thrown when a request failed after it may have been written: a response timeout, a connection
 * reset or closed before the response, an interrupt, or a success response that could not be read.
 *
 * <p>For a message this means "outcome unknown": Meta may have accepted it, and it may reach the
 * user. wasdk never resends such a message on its own. Reconcile it through its status webhooks
 * (for example by {@code biz_opaque_callback_data}) before sending it again.
 */
public final class RequestMaybeSentException extends TransportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain tokens or full phone numbers
   * @param failure what went wrong
   * @param cause the underlying failure, may be null
   */
  public RequestMaybeSentException(String message, TransportFailure failure, Throwable cause) {
    super(message, failure, cause);
  }

  /** Returns {@link RequestState#MAYBE_SENT}. */
  @Override
  public RequestState requestState() {
    return RequestState.MAYBE_SENT;
  }
}
